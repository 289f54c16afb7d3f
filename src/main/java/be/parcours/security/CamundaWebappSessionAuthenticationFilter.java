package be.parcours.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user logged into a Camunda webapp (Cockpit, Tasklist) may read the Parcours API with that
 * session: GET only, so no cross-site request can change anything. Writes need HTTP Basic.
 */
class CamundaWebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  CamundaWebappSessionAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !("GET".equals(request.getMethod()) && path.startsWith("/api/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var current = SecurityContextHolder.getContext().getAuthentication();
    HttpSession session = request.getSession(false);
    if ((current == null || current instanceof AnonymousAuthenticationToken) && session != null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      if (authentications != null) {
        for (UserAuthentication auth : authentications.getAuthentications()) {
          if (auth.getIdentityId() != null) {
            var token = new UsernamePasswordAuthenticationToken(auth.getIdentityId(), null,
                CamundaIdentityAuthenticationProvider.authorities(identityService, auth.getIdentityId()));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(token);
            SecurityContextHolder.setContext(context);
            break;
          }
        }
      }
    }
    chain.doFilter(request, response);
  }
}
