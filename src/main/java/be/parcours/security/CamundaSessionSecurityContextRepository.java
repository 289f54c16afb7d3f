package be.parcours.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * One login for the Parcours pages, Tasklist and Cockpit: the user of a page session is the one
 * Camunda's webapps keep in the HTTP session ({@link Authentications}, the same object Camunda's
 * own login page writes). So a login on the Parcours page is a login into Tasklist and Cockpit, a
 * login in Tasklist is one on the Parcours pages, and a logout on either side (Camunda removes its
 * authentication, Parcours invalidates the session) ends both. Spring Security keeps no copy.
 */
final class CamundaSessionSecurityContextRepository implements SecurityContextRepository {

  private final ProcessEngine engine;

  CamundaSessionSecurityContextRepository(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  @SuppressWarnings("deprecation")
  public SecurityContext loadContext(HttpRequestResponseHolder holder) {
    return loadDeferredContext(holder.getRequest()).get();
  }

  @Override
  public org.springframework.security.core.context.DeferredSecurityContext loadDeferredContext(
      HttpServletRequest request) {
    Supplier<SecurityContext> supplier = () -> {
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      UserAuthentication user = camundaUser(request);
      if (user != null) {
        context.setAuthentication(token(user));
      }
      return context;
    };
    return new org.springframework.security.core.context.DeferredSecurityContext() {
      private SecurityContext loaded;

      @Override
      public SecurityContext get() {
        if (loaded == null) {
          loaded = supplier.get();
        }
        return loaded;
      }

      @Override
      public boolean isGenerated() {
        return get().getAuthentication() == null;
      }
    };
  }

  @Override
  public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
    Authentication auth = context.getAuthentication();
    if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
      return; // logging out invalidates the session, which ends the Camunda login as well
    }
    UserAuthentication current = camundaUser(request);
    if (current != null && auth.getName().equals(current.getIdentityId())) {
      return;
    }
    HttpSession session = request.getSession(true);
    UserAuthentication camunda = AuthenticationUtil.createAuthentication(engine, auth.getName());
    if (camunda == null) {
      return;
    }
    camunda.setCacheValidationTime(ServletContextUtil.getAuthCacheValidationTime(request.getServletContext()));
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    authentications.addOrReplace(camunda);
    AuthenticationUtil.updateSession(session, authentications);
  }

  @Override
  public boolean containsContext(HttpServletRequest request) {
    return camundaUser(request) != null;
  }

  private UserAuthentication camundaUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    var auth = authentications.getAuthenticationForProcessEngine(engine.getName());
    return auth instanceof UserAuthentication user && user.getIdentityId() != null ? user : null;
  }

  private static Authentication token(UserAuthentication user) {
    List<GrantedAuthority> authorities = (user.getGroupIds() == null ? List.<String>of() : user.getGroupIds())
        .stream()
        .map(id -> (GrantedAuthority) new SimpleGrantedAuthority(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + id))
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, authorities);
  }
}
