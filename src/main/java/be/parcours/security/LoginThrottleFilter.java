package be.parcours.security;

import be.parcours.shared.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link LoginThrottle} before any password is checked: an HTTP Basic request (any path) or
 * a Camunda webapp login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) from a
 * throttled address or for a throttled account gets 429 with {@code Retry-After}. The outcome is
 * recorded from the answer: a Basic request answered 401 had wrong credentials (Spring Security may
 * ask its provider twice per request, so the provider does not count), a webapp login answered
 * 401/403 too.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login(/[^/]*)?/?$");

  private final LoginThrottle throttle;
  private final ObjectMapper mapper;

  LoginThrottleFilter(LoginThrottle throttle, ObjectMapper mapper) {
    this.throttle = throttle;
    this.mapper = mapper;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String ip = request.getRemoteAddr();
    String basicUser = basicUser(request.getHeader("Authorization"));
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean webappLogin = "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches();
    String user = webappLogin ? request.getParameter("username") : basicUser;
    if (basicUser != null || webappLogin) {
      LoginThrottle.Verdict verdict = throttle.check(user, ip);
      if (!verdict.allowed()) {
        response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
        SecurityConfig.write(mapper, response, 429, ApiError.of("TOO_MANY_ATTEMPTS",
            "Trop de tentatives de connexion : réessayez dans " + minutes(verdict.retryAfterSeconds())
                + " (too many login attempts; retry later)."));
        return;
      }
    }
    chain.doFilter(request, response);
    if (basicUser != null && !webappLogin) {
      if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
        throttle.failed(basicUser, ip);
      } else {
        throttle.succeeded(basicUser, ip);
      }
    } else if (webappLogin) {
      int status = response.getStatus();
      if (status == HttpServletResponse.SC_OK) {
        throttle.succeeded(user, ip);
      } else if (status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN) {
        throttle.failed(user, ip);
      }
    }
  }

  private static String minutes(long seconds) {
    long m = (seconds + 59) / 60;
    return m <= 1 ? "une minute" : m + " minutes";
  }

  static String basicUser(String header) {
    if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null; // Spring Security answers 401 to a malformed header
    }
  }
}
