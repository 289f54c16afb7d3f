package be.parcours.eligibility;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The node's health includes its eligibility rules: DOWN when the start-up compilation failed (the
 * seed does not pass: no verdict can be given, a load balancer should send users elsewhere), UNKNOWN
 * while it still runs in the background (the node already serves pages; a verdict asked meanwhile
 * waits for it), UP once the rules serve.
 */
@Component("rules")
class RulesHealth implements HealthIndicator {

  private final EligibilityService eligibility;

  RulesHealth(EligibilityService eligibility) {
    this.eligibility = eligibility;
  }

  @Override
  public Health health() {
    Boolean ready = eligibility.rulesReady();
    if (ready == null) {
      return Health.unknown().withDetail("rules", "compilation in progress").build();
    }
    return ready ? Health.up().build() : Health.down().withDetail("rules", "the rules do not pass").build();
  }
}
