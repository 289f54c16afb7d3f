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
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Process variables hold names and facts of the dossiers. Through the engine's REST APIs
 * ({@code /engine-rest} and the webapps' engine API) they are read only by those entitled:
 * <ul>
 *   <li>supervisors and administrators read every variable (Cockpit);</li>
 *   <li>anyone else reads the variables of a task ({@code /task/{id}/variables}, {@code form-variables},
 *       {@code localVariables}) only when they are its assignee or a member of one of its candidate
 *       groups — what Tasklist needs to show the task's form;</li>
 *   <li>the bulk variable queries ({@code /variable-instance}, {@code /history/variable-instance},
 *       {@code /history/detail}) and the variables of a whole instance or execution → 403 for them.</li>
 * </ul>
 */
class VariableReadGuardFilter extends OncePerRequestFilter {

  private static final Pattern ENGINE_PATH =
      Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)?$");
  private static final Pattern TASK_VARIABLES = Pattern.compile("^/task/([^/]+)/(variables|localVariables|form-variables)(/.*)?$");
  private static final Pattern BULK = Pattern.compile(
      "^/(variable-instance|history/variable-instance|history/detail)(/.*)?$"
          + "|^/(process-instance|execution)/[^/]+/(variables|localVariables)(/.*)?$"
          + "|^/history/process-instance/[^/]+/variables(/.*)?$");

  private final IdentityService identityService;
  private final TaskService taskService;
  private final ObjectMapper mapper;

  VariableReadGuardFilter(IdentityService identityService, TaskService taskService, ObjectMapper mapper) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.mapper = mapper;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = enginePath(request);
    if (path == null || (!BULK.matcher(path).matches() && !TASK_VARIABLES.matcher(path).matches())) {
      chain.doFilter(request, response);
      return;
    }
    String user = currentUser(request);
    if (user == null) {
      chain.doFilter(request, response); // unauthenticated: Spring Security / the webapp answers 401
      return;
    }
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    if (groups.contains(Groups.SUPERVISORS) || groups.contains(Groups.ADMINS)) {
      chain.doFilter(request, response);
      return;
    }
    Matcher task = TASK_VARIABLES.matcher(path);
    if (task.matches() && worksOn(user, groups, task.group(1))) {
      chain.doFilter(request, response);
      return;
    }
    SecurityConfig.write(mapper, response, HttpServletResponse.SC_FORBIDDEN, ApiError.of("FORBIDDEN",
        "Les variables des procédures ne se lisent que pour une tâche de votre groupe (process variables are read"
            + " through the tasks of your group only)."));
  }

  private boolean worksOn(String user, List<String> groups, String taskId) {
    var query = taskService.createTaskQuery().taskId(taskId).or().taskAssignee(user).taskCandidateUser(user);
    if (!groups.isEmpty()) {
      query = query.taskCandidateGroupIn(groups);
    }
    return query.endOr().count() > 0;
  }

  static String enginePath(HttpServletRequest request) {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    uri = uri.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
    Matcher m = ENGINE_PATH.matcher(uri);
    if (!m.matches()) {
      return null;
    }
    String rest = m.group(1) == null ? "" : m.group(1);
    return rest.endsWith("/") && rest.length() > 1 ? rest.substring(0, rest.length() - 1) : rest;
  }

  private static String currentUser(HttpServletRequest request) {
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
}
