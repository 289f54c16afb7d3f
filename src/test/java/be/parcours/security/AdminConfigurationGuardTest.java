package be.parcours.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AdminConfigurationGuardTest {

  @Test
  void outside_demo_the_application_refuses_to_start_without_a_configured_admin() {
    var env = new MockEnvironment();
    env.setActiveProfiles("postgres");

    assertThatThrownBy(() -> AdminConfigurationGuard.check(env))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("PARCOURS_ADMIN_USER");
  }

  @Test
  void outside_demo_the_demo_password_is_refused() {
    var env = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "demo");

    assertThatThrownBy(() -> AdminConfigurationGuard.check(env)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void a_configured_admin_or_the_demo_profile_is_accepted() {
    var configured = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "coordination")
        .withProperty("camunda.bpm.admin-user.password", "S3cure-Passw0rd!");
    var demo = new MockEnvironment();
    demo.setActiveProfiles("demo");

    assertThatCode(() -> AdminConfigurationGuard.check(configured)).doesNotThrowAnyException();
    assertThatCode(() -> AdminConfigurationGuard.check(demo)).doesNotThrowAnyException();
  }
}
