package be.parcours.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Response headers of every Parcours page and API answer: a Content-Security-Policy allowing only
 * the application's own scripts, styles and images (no inline script, no inline style, no framing
 * by another site), {@code Referrer-Policy}, {@code X-Content-Type-Options}. The Camunda webapps
 * ({@code /camunda/**}) keep the policy they send themselves (their AngularJS needs it relaxed).
 * HSTS is written by Spring Security on requests that arrived over TLS (directly or, behind a
 * reverse proxy, through {@code X-Forwarded-Proto}); see docs/security.md.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/camunda/")) {
      response.setHeader("Content-Security-Policy", CSP);
    }
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("X-Content-Type-Options", "nosniff");
    chain.doFilter(request, response);
  }
}
