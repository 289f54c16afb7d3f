package be.parcours.security;

import be.parcours.shared.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Procedures change only through Parcours's own operations (opening a dossier, completing tasks,
 * recording decisions). For everyone but administrators, the engine's generic state-changing
 * endpoints — process start and start instructions, instance modification, migration, restart,
 * message/signal/condition correlation, variable writes, deletion, suspension, deployments — are
 * refused with 403, on Camunda REST ({@code /engine-rest}) and on the webapps' engine API
 * ({@code /camunda/api/engine/engine/{name}}) alike. The engine's own authorizations refuse the same
 * (no group but the administrators holds CREATE_INSTANCE or UPDATE on instances); this filter makes
 * the refusal explicit and independent of a grant added by mistake in the Admin webapp.
 */
class ProcedureOperationsGuardFilter extends OncePerRequestFilter {

  private static final Pattern ENGINE_PATH =
      Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)?$");

  /** State-changing resources; the only non-GET calls left open on them are their queries. */
  private static final List<Pattern> GUARDED = List.of(
      Pattern.compile("^/process-definition/.+"),
      Pattern.compile("^/process-instance/.+"),
      Pattern.compile("^/execution/.+"),
      Pattern.compile("^/variable-instance/.+"),
      Pattern.compile("^/(modification|migration|restart)(/.*)?$"),
      Pattern.compile("^/(message|signal|condition)(/.*)?$"),
      Pattern.compile("^/deployment(/.*)?$"),
      Pattern.compile("^/job(-definition)?/.+"),
      Pattern.compile("^/incident/.+"),
      Pattern.compile("^/external-task/.+"),
      Pattern.compile("^/batch/.+"),
      Pattern.compile("^/history/.*/(delete.*|set-removal-time.*)$"),
      Pattern.compile("^/history/[^/]+/[^/]+$"),
      Pattern.compile("^/task/create$"),
      Pattern.compile("^/task/[^/]+/(variables|localVariables)(/.*)?$"),
      Pattern.compile("^/decision-definition/.+/evaluate$"));

  /** Queries sent as POST with a JSON body: reading, not changing. */
  private static final Pattern QUERY =
      Pattern.compile("^/(process-instance|execution|variable-instance|job|incident|external-task|batch)/count$");

  private final IdentityService identityService;
  private final ObjectMapper mapper;

  ProcedureOperationsGuardFilter(IdentityService identityService, ObjectMapper mapper) {
    this.identityService = identityService;
    this.mapper = mapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
        || "OPTIONS".equals(request.getMethod()) || enginePath(request) == null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = enginePath(request);
    if (isGuarded(path) && !isAdministrator(currentUser(request))) {
      SecurityConfig.write(mapper, response, HttpServletResponse.SC_FORBIDDEN, ApiError.of("FORBIDDEN",
          "procedures change only through Parcours (open a dossier, complete a task, record a decision)"));
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean isGuarded(String path) {
    if (path == null || path.isEmpty() || QUERY.matcher(path).matches()) {
      return false;
    }
    return GUARDED.stream().anyMatch(p -> p.matcher(path).matches());
  }

  private static String enginePath(HttpServletRequest request) {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    // path parameters (;jsessionid=…) and duplicate slashes must not slip a path past the patterns
    uri = uri.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
    Matcher m = ENGINE_PATH.matcher(uri);
    if (!m.matches()) {
      return null;
    }
    String rest = m.group(1) == null ? "" : m.group(1);
    return rest.endsWith("/") && rest.length() > 1 ? rest.substring(0, rest.length() - 1) : rest;
  }

  private String currentUser(HttpServletRequest request) {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
      return auth.getName();
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      if (authentications != null) {
        for (UserAuthentication a : authentications.getAuthentications()) {
          if (a.getIdentityId() != null) {
            return a.getIdentityId();
          }
        }
      }
    }
    return null;
  }

  private boolean isAdministrator(String user) {
    return user != null
        && identityService.createGroupQuery().groupMember(user).groupId(Groups.ADMINS).count() > 0;
  }
}
