package be.parcours.security;

import be.parcours.shared.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Nothing is anonymous but the login page, static assets and the health probe. The Parcours API
 * and Camunda's REST API take HTTP Basic (users and groups are Camunda's identity service); the
 * Camunda webapps keep their own login and session, which the Parcours API also accepts for reads
 * (so a Cockpit plugin needs no second login).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

  static final String REALM = "Parcours";

  /** The API chain: the paths of scripts and of Camunda's webapps. Everything else is a page ({@link PagesSecurityConfig}). */
  static final java.util.List<String> API_PATHS = java.util.List.of("/api/", "/engine-rest/", "/v3/api-docs", "/camunda/",
      "/actuator/");

  /** By path prefix (these paths are not all Spring MVC's: Camunda's servlets serve /engine-rest and /camunda). */
  static boolean isApiPath(jakarta.servlet.http.HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return API_PATHS.stream().anyMatch(path::startsWith) || path.equals("/camunda");
  }

  @Bean
  @Order(1)
  SecurityFilterChain securityFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identityService, ObjectMapper mapper) throws Exception {
    AuthenticationEntryPoint entryPoint = (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
      write(mapper, response, HttpServletResponse.SC_UNAUTHORIZED,
          ApiError.of("UNAUTHORIZED", "authentication required"));
    };
    AccessDeniedHandler deniedHandler = (request, response, e) -> write(mapper, response,
        HttpServletResponse.SC_FORBIDDEN, ApiError.of("FORBIDDEN", "your groups do not allow this"));
    http
        .securityMatcher(SecurityConfig::isApiPath)
        .authenticationProvider(provider)
        .csrf(csrf -> csrf.disable()) // Basic clients carry no cookie; webapp-session reads are GET only.
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            // the Camunda webapp session is Camunda's: reading /api/** with it must not replace it
            .sessionFixation(f -> f.none()))
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .httpBasic(b -> b.realmName(REALM).authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
        .addFilterAfter(new CamundaWebappSessionAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(auth -> auth
            // Advisory mitigation: the first-admin setup is never needed (the admin comes from configuration).
            .requestMatchers(request -> request.getRequestURI().substring(request.getContextPath().length())
                .startsWith("/camunda/api/admin/setup")).denyAll()
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            // Camunda webapps: their own login page, static assets, and an API guarded by their own session.
            .requestMatchers("/camunda/**").permitAll()
            .requestMatchers("/api/**", "/engine-rest/**", "/v3/api-docs/**").authenticated()
            .anyRequest().authenticated());
    return http.build();
  }

  @Bean
  AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
    return new ProviderManager(provider);
  }

  /** Camunda REST runs its authorization checks as the user Spring Security authenticated. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-authentication");
    registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(SecurityOrder.AFTER_SPRING_SECURITY + 1);
    return registration;
  }

  /** Procedures change only through Parcours: the engine's generic write endpoints are for administrators. */
  @Bean
  FilterRegistrationBean<ProcedureOperationsGuardFilter> procedureOperationsGuard(IdentityService identityService,
      ObjectMapper mapper) {
    var registration = new FilterRegistrationBean<>(new ProcedureOperationsGuardFilter(identityService, mapper));
    registration.setName("procedure-operations-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityOrder.AFTER_SPRING_SECURITY);
    return registration;
  }

  /** Advisory mitigation: task/filter queries carrying expressions are rejected with 400. */
  @Bean
  FilterRegistrationBean<QueryExpressionGuardFilter> queryExpressionGuard(ObjectMapper mapper) {
    var registration = new FilterRegistrationBean<>(new QueryExpressionGuardFilter(mapper));
    registration.setName("query-expression-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(SecurityOrder.AFTER_SPRING_SECURITY);
    return registration;
  }

  static void write(ObjectMapper mapper, HttpServletResponse response, int status, ApiError body) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    mapper.writeValue(response.getOutputStream(), body);
  }

  static final class SecurityOrder {
    /** Spring Security's filter chain is registered at -100 (SecurityProperties.DEFAULT_FILTER_ORDER). */
    static final int AFTER_SPRING_SECURITY = -90;

    private SecurityOrder() {}
  }
}
