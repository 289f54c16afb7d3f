package be.parcours.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hardening filters of issue #11, registered beside (not inside) {@link SecurityConfig}: input
 * bounds for the API and the engine's REST API. They run after Spring Security (anonymous callers
 * get their 401 first) and before the engine guards, which read the body again from the copy.
 */
@Configuration
class HardeningConfiguration {

  /** Between Spring Security (-100) and the engine guards (-90). */
  static final int INPUT_GUARD_ORDER = -95;

  @Bean
  FilterRegistrationBean<InputGuardFilter> inputGuard(ObjectMapper mapper,
      @Value("${parcours.input.max-json-bytes:1048576}") long maxJsonBytes,
      @Value("${parcours.input.max-items:50}") int maxItems) {
    var registration = new FilterRegistrationBean<>(new InputGuardFilter(mapper, maxJsonBytes, maxItems));
    registration.setName("input-guard");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    registration.setOrder(INPUT_GUARD_ORDER);
    return registration;
  }

  /** Before Spring Security (-100): a throttled login never reaches a password check. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, ObjectMapper mapper) {
    var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, mapper));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/*");
    registration.setOrder(-110);
    return registration;
  }

  /** Before Spring Security too: a cross-site write is refused before any credential is looked at. */
  @Bean
  FilterRegistrationBean<OriginCheckFilter> originCheck(ObjectMapper mapper,
      @Value("${parcours.allowed-origins:}") java.util.List<String> allowedOrigins) {
    var origins = allowedOrigins.stream().filter(o -> !o.isBlank()).collect(java.util.stream.Collectors.toSet());
    var registration = new FilterRegistrationBean<>(new OriginCheckFilter(origins, mapper));
    registration.setName("origin-check");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    registration.setOrder(-109);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeaders() {
    var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(-120);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineErrorFilter> engineErrors(ObjectMapper mapper, HistoryService history) {
    var registration = new FilterRegistrationBean<>(new EngineErrorFilter(mapper, history));
    registration.setName("engine-errors");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(INPUT_GUARD_ORDER + 1);
    return registration;
  }
}
