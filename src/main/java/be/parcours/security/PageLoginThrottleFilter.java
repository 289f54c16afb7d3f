package be.parcours.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login page's form ({@code POST /login}) asks {@link LoginThrottle} before any password is
 * checked; a throttled address or account goes back to the login page with the minutes to wait.
 */
class PageLoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final String loginPage;

  PageLoginThrottleFilter(LoginThrottle throttle, String loginPage) {
    this.throttle = throttle;
    this.loginPage = loginPage;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod())
        && loginPage.equals(request.getRequestURI().substring(request.getContextPath().length())));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    LoginThrottle.Verdict verdict = throttle.check(request.getParameter("username"), request.getRemoteAddr());
    if (!verdict.allowed()) {
      long minutes = Math.max(1, (verdict.retryAfterSeconds() + 59) / 60);
      response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
      response.sendRedirect(request.getContextPath() + loginPage + "?locked=" + minutes);
      return;
    }
    chain.doFilter(request, response);
  }
}
