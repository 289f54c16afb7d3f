package be.parcours.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AdminGuardConfiguration {

  @Bean
  static AdminConfigurationGuard adminConfigurationGuard() {
    return new AdminConfigurationGuard();
  }
}
