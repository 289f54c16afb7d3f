package be.parcours.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The workplace pages (everything that is not {@link SecurityConfig#API_PATHS}): a French login
 * page for anonymous visitors, a web session shared with Tasklist and Cockpit
 * ({@link CamundaSessionSecurityContextRepository}), Spring Security's synchronizer CSRF token on
 * every form and htmx request, logout by POST {@code /logout} (ends the Camunda login too).
 * The login checks the password with the same provider as HTTP Basic (Camunda's identity service).
 */
@Configuration
class PagesSecurityConfig {

  static final String LOGIN_PAGE = "/login";

  @Bean
  @Order(2)
  SecurityFilterChain pagesFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      ProcessEngine engine) throws Exception {
    http
        .authenticationProvider(provider)
        .securityContext(c -> c.securityContextRepository(new CamundaSessionSecurityContextRepository(engine)))
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .formLogin(f -> f.loginPage(LOGIN_PAGE).failureUrl(LOGIN_PAGE + "?error").defaultSuccessUrl("/", false)
            .permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout").invalidateHttpSession(true)
            .clearAuthentication(true))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/error", "/error/**").permitAll() // error pages of responses already decided
            // the login page with any query (?lang=nl, ?error, ?logout)
            .requestMatchers(request -> LOGIN_PAGE.equals(
                request.getRequestURI().substring(request.getContextPath().length()))).permitAll()
            .requestMatchers(HttpMethod.GET, "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico").permitAll()
            // the report page's code only (no data): its figures stay behind /api/** (Basic or Cockpit session)
            .requestMatchers(HttpMethod.GET, "/reports/*.html", "/reports/*.js", "/reports/*.css").permitAll()
            .anyRequest().authenticated());
    return http.build();
  }
}
