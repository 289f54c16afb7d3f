package be.parcours.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda locks a user for good after {@code loginMaxAttempts} wrong passwords (and for a growing
 * delay before that), so anyone could lock the administrator out without logging in. Parcours
 * throttles logins itself ({@link LoginThrottle}: per address and per account, lock-outs that
 * expire); the engine's own lock is switched off here, whatever the configuration says.
 */
@Component
class NoPermanentLockPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayFactor(0);
    configuration.setLoginDelayBase(0);
    configuration.setLoginDelayMaxTime(0); // delay = min(base × factor^(n-1), max) seconds
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    preInit(configuration);
  }
}
