package be.parcours.security;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Outside the {@code demo} profile the first admin must come from configuration
 * (PARCOURS_ADMIN_USER / PARCOURS_ADMIN_PASSWORD): the application refuses to start without it,
 * before any user is created. There is no default password.
 */
class AdminConfigurationGuard implements BeanFactoryPostProcessor, EnvironmentAware {

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    check(environment);
  }

  static void check(Environment env) {
    if (Arrays.asList(env.getActiveProfiles()).contains("demo")) {
      return;
    }
    String id = env.getProperty("camunda.bpm.admin-user.id", "");
    String password = env.getProperty("camunda.bpm.admin-user.password", "");
    if (id.isBlank() || password.isBlank()) {
      throw new IllegalStateException("No administrator configured: set PARCOURS_ADMIN_USER and "
          + "PARCOURS_ADMIN_PASSWORD (or run with the 'demo' profile for a demonstration).");
    }
    if ("demo".equals(password)) {
      throw new IllegalStateException("The demo password may only be used in the 'demo' profile.");
    }
  }
}
