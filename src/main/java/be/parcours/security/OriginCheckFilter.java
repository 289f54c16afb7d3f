package be.parcours.security;

import be.parcours.shared.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site writes: a browser sends HTTP Basic credentials it has cached, and the webapps'
 * session cookie, with a form or fetch from any other site. A state-changing request (POST, PUT,
 * PATCH, DELETE) on {@code /api}, {@code /engine-rest} or the webapps' API whose {@code Origin}
 * (else {@code Referer}) is neither the application's own origin (as the client sees it, through
 * the reverse proxy's forwarded headers) nor one of {@code parcours.allowed-origins} → 403. A
 * request with neither header is a script (curl, another system), not a browser: allowed.
 */
class OriginCheckFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final Set<String> allowed;
  private final ObjectMapper mapper;

  OriginCheckFilter(Set<String> allowedOrigins, ObjectMapper mapper) {
    this.allowed = allowedOrigins.stream().map(OriginCheckFilter::normalise).collect(java.util.stream.Collectors.toSet());
    this.mapper = mapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (SAFE.contains(request.getMethod())) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      String referer = request.getHeader("Referer");
      origin = referer == null ? null : originOf(referer);
      if (referer != null && origin == null) {
        origin = "null";
      }
    }
    if (origin != null && !isAllowed(normalise(origin), request)) {
      SecurityConfig.write(mapper, response, HttpServletResponse.SC_FORBIDDEN, ApiError.of("FORBIDDEN",
          "Requête refusée : elle vient d'un autre site (" + origin + ") (cross-origin write refused)."));
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean isAllowed(String origin, HttpServletRequest request) {
    return origin.equals(ownOrigin(request)) || allowed.contains(origin);
  }

  static String ownOrigin(HttpServletRequest request) {
    String scheme = request.getScheme().toLowerCase(Locale.ROOT);
    int port = request.getServerPort();
    boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  static String originOf(String url) {
    try {
      URI uri = URI.create(url.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String normalise(String origin) {
    String o = origin.strip().toLowerCase(Locale.ROOT);
    if (o.endsWith("/")) {
      o = o.substring(0, o.length() - 1);
    }
    if (o.startsWith("http://") && o.endsWith(":80")) {
      o = o.substring(0, o.length() - 3);
    } else if (o.startsWith("https://") && o.endsWith(":443")) {
      o = o.substring(0, o.length() - 4);
    }
    return o;
  }
}
