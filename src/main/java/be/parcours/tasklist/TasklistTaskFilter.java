package be.parcours.tasklist;

import be.parcours.shared.ReplayedBodyRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist's two moments with a task form, seen from the engine's REST API (the webapps'
 * {@code /camunda/api/engine/engine/{engine}/task/{id}/…} and {@code /engine-rest/task/{id}/…}):
 * <ul>
 *   <li>{@code GET …/form-variables} (the form opens): the dossier context variables of the task
 *       are recomputed first, so the form shows the dossier as it is now, not as it was when the
 *       task was created;</li>
 *   <li>{@code POST …/submit-form} and {@code …/complete}: an implausible date, or missing
 *       documents on "Rassembler les documents", answer {@code 400} with the reason in French, the
 *       body Camunda's REST API gives for a refused request ({@code type}, {@code message}), which
 *       Tasklist shows; the task stays open.</li>
 * </ul>
 * Only for a logged-in user who can see the task (Camunda authorization as that user); anything
 * else goes on untouched to the engine, which answers as usual. A user who can see the task but
 * not work it (not its assignee, not in a candidate group, not a supervisor) gets {@code 403}: the
 * form shows a person and their dossier (professional secrecy).
 */
class TasklistTaskFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(TasklistTaskFilter.class);
  static final Pattern PATH = Pattern.compile(
      "^(?:/camunda/api/engine/engine/[^/]+|/engine-rest)/task/([^/]+)/(form-variables|submit-form|complete)$");
  static final int MAX_BODY = 1024 * 1024;
  static final String NOT_YOURS = "Ce formulaire montre une personne et son dossier : il est réservé à ceux qui peuvent "
      + "traiter la tâche (son équipe, la personne à qui elle est assignée, les superviseurs).";

  private final TaskFormGuard guard;
  private final ObjectProvider<TaskService> tasks;
  private final ObjectMapper mapper;

  TasklistTaskFilter(TaskFormGuard guard, ObjectProvider<TaskService> tasks, ObjectMapper mapper) {
    this.guard = guard;
    this.tasks = tasks;
    this.mapper = mapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !PATH.matcher(path(request)).matches();
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher m = PATH.matcher(path(request));
    if (!m.matches()) {
      chain.doFilter(request, response);
      return;
    }
    String taskId = m.group(1);
    String action = m.group(2);
    Optional<String> user = user(request);
    if (user.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if ("form-variables".equals(action) && "GET".equals(request.getMethod())) {
      var task = guard.visibleTask(taskId, user.get());
      if (task.isPresent() && !task.get().workable()) {
        error(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", NOT_YOURS);
        return;
      }
      try {
        task.ifPresent(guard::refresh);
      } catch (RuntimeException e) { // the form still opens, with the context of the last refresh
        log.warn("Task {}: dossier context not refreshed: {}", taskId, e.toString());
      }
      chain.doFilter(request, response);
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    HttpServletRequest replay = new ReplayedBodyRequest(request, body);
    if (body.length > MAX_BODY) {
      chain.doFilter(replay, response);
      return;
    }
    Optional<TaskFormGuard.TaskInfo> task;
    Optional<String> refusal = Optional.empty();
    try {
      task = guard.visibleTask(taskId, user.get());
      if (task.isPresent() && task.get().workable()) {
        var t = task.get();
        Map<String, Object> current = tasks.getObject().getVariables(taskId);
        refusal = guard.refusal(t.processKey(), t.definitionKey(), t.formId(), t.dossierId(), current,
            submittedValues(body));
      }
    } catch (RuntimeException e) {
      if (!guard.gone(taskId)) {
        throw e;
      }
      // completed by someone else while we looked at it: the engine answers (a lost race, 409)
      chain.doFilter(replay, response);
      return;
    }
    if (task.isPresent() && !task.get().workable()) {
      error(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", NOT_YOURS);
      return;
    }
    if (refusal.isPresent()) {
      error(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", refusal.get());
      return;
    }
    chain.doFilter(replay, response);
  }

  /** Camunda REST's error body ({@code type}, {@code message}, {@code code}), which Tasklist shows. */
  private void error(HttpServletResponse response, int status, String type, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    Map<String, Object> error = new java.util.LinkedHashMap<>();
    error.put("type", type);
    error.put("message", message);
    error.put("code", null);
    mapper.writeValue(response.getOutputStream(), error);
  }

  private Map<String, Object> submittedValues(byte[] body) {
    Map<String, Object> values = new HashMap<>();
    if (body.length == 0) {
      return values;
    }
    try {
      JsonNode variables = mapper.readTree(body).path("variables");
      for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
        var e = it.next();
        JsonNode v = e.getValue().path("value");
        values.put(e.getKey(), v.isNull() || v.isMissingNode() ? null : v.isTextual() ? v.asText() : v.toString());
      }
    } catch (IOException e) {
      // not JSON: the engine answers it
    }
    return values;
  }

  /** The user of a Basic-authenticated engine-rest call, or of the Camunda webapp session. */
  private static Optional<String> user(HttpServletRequest request) {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
      return Optional.of(auth.getName());
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      var authentications = AuthenticationUtil.getAuthsFromSession(session);
      if (authentications != null) {
        for (UserAuthentication a : authentications.getAuthentications()) {
          if (a.getIdentityId() != null) {
            return Optional.of(a.getIdentityId());
          }
        }
      }
    }
    return Optional.empty();
  }
}
