package be.parcours.security;

import be.parcours.shared.ApiError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST resources wrap most engine exceptions into a 500 (a task completed twice at the
 * same time, an {@code Object} variable without a serializer, a refused Java-serialised variable, a
 * password against the policy). Those are the caller's input or a lost race, not a server fault:
 * this filter holds back a 500 of {@code /engine-rest} and of the webapps' engine API, reads the
 * engine's error body and answers 409 (lost race, with Retry-After), 404 or 400 instead. Any other
 * 500 passes unchanged.
 */
class EngineErrorFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(EngineErrorFilter.class);
  private static final Pattern TASK_ACTION =
      Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve)/?$");
  /** BuiltinExceptionCode.OPTIMISTIC_LOCKING of Camunda 7.20+. */
  private static final int OPTIMISTIC_LOCKING_CODE = 1;

  private final ObjectMapper mapper;
  private final HistoryService history;

  EngineErrorFilter(ObjectMapper mapper, HistoryService history) {
    this.mapper = mapper;
    this.history = history;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String requestPath = request.getRequestURI().substring(request.getContextPath().length());
    Matcher taskAction = TASK_ACTION.matcher(requestPath);
    HoldingResponse holding = new HoldingResponse(response, taskAction.matches());
    chain.doFilter(request, holding);
    if (!holding.held) {
      return;
    }
    if (holding.heldStatus == HttpServletResponse.SC_FORBIDDEN) {
      // the loser of a race may fail the authorization check of a task deleted meanwhile
      if (history.createHistoricTaskInstanceQuery().taskId(taskAction.group(1)).finished().count() > 0) {
        response.reset();
        response.setHeader("Retry-After", "1");
        SecurityConfig.write(mapper, response, HttpServletResponse.SC_CONFLICT,
            ApiError.of("CONFLICT", "Cette tâche vient d'être terminée par quelqu'un d'autre (task already completed)."));
        return;
      }
      if (holding.writer != null) {
        holding.writer.flush();
      }
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      if (holding.contentType != null) {
        response.setContentType(holding.contentType);
      }
      response.getOutputStream().write(holding.buffer.toByteArray());
      return;
    }
    if (holding.writer != null) {
      holding.writer.flush();
    }
    byte[] body = holding.buffer.toByteArray();
    String type = "";
    String message = "";
    int code = 0;
    try {
      JsonNode error = mapper.readTree(body);
      type = error.path("type").asText("");
      message = error.path("message").asText("");
      code = error.path("code").asInt(0);
    } catch (IOException notJson) {
      // keep the 500
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Translation t = translate(type, message, code, path, taskId -> history.createHistoricTaskInstanceQuery()
        .taskId(taskId).finished().count() > 0);
    ApiError translated = t == null ? null : t.body();
    int status = t == null ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : t.status();
    if (translated == null) {
      response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      if (holding.contentType != null) {
        response.setContentType(holding.contentType);
      }
      response.getOutputStream().write(body);
      return;
    }
    log.info("Engine REST {} {} answered {} instead of 500: {}", request.getMethod(), path, status, message);
    response.reset();
    if (status == HttpServletResponse.SC_CONFLICT) {
      response.setHeader("Retry-After", "1");
    }
    SecurityConfig.write(mapper, response, status, translated);
  }

  record Translation(int status, ApiError body) {}

  /** The 4xx an engine 500 really is, or null when it is a server fault. */
  static Translation translate(String type, String message, int code, String path,
      java.util.function.Predicate<String> taskFinished) {
    String lower = message.toLowerCase(Locale.ROOT);
    Matcher task = TASK_ACTION.matcher(path);
    if (code == OPTIMISTIC_LOCKING_CODE || type.contains("OptimisticLocking") || lower.contains("engine-03005")
        || lower.contains("updated by another transaction concurrently")) {
      return new Translation(HttpServletResponse.SC_CONFLICT, ApiError.of("CONFLICT",
          "Quelqu'un d'autre a modifié la même chose au même moment ; rechargez et réessayez "
              + "(changed by someone else at the same time; retry)."));
    }
    int refusal = message.indexOf(TaskGroupGuardPlugin.REFUSAL);
    if (refusal >= 0) {
      String text = message.substring(refusal);
      int end = text.indexOf("'");
      return new Translation(HttpServletResponse.SC_FORBIDDEN,
          ApiError.of("FORBIDDEN", end > 0 ? text.substring(0, end) : text));
    }
    if (task.matches() && taskFinished.test(task.group(1))) {
      // whatever the engine tripped on (task gone, executions gone, row changed): the task ended meanwhile
      return new Translation(HttpServletResponse.SC_CONFLICT,
          ApiError.of("CONFLICT", "Cette tâche vient d'être terminée par quelqu'un d'autre (task already completed)."));
    }
    if (task.matches() && (lower.contains("task is null") || lower.contains("cannot find task"))) {
      return new Translation(HttpServletResponse.SC_NOT_FOUND, ApiError.of("NOT_FOUND", "Tâche inconnue (no such task)."));
    }
    if (lower.contains("doesn't exist") && lower.contains("is null")) {
      // an unknown id in the path (a task, an instance read through its variables…): not a server error
      return new Translation(HttpServletResponse.SC_NOT_FOUND, ApiError.of("NOT_FOUND", "Introuvable (not found)."));
    }
    if (lower.contains("password") && lower.contains("policy")) {
      return new Translation(HttpServletResponse.SC_BAD_REQUEST, ApiError.of("INVALID_INPUT",
          "Le mot de passe ne respecte pas la politique de mots de passe (password does not match the policy)."));
    }
    if (lower.contains("cannot find serializer") || lower.contains("serialization format is prohibited")
        || lower.contains("engine-17007") || lower.contains("cannot deserialize") || lower.contains("unsupported value type")
        || lower.contains("cannot convert value")) {
      return new Translation(HttpServletResponse.SC_BAD_REQUEST, ApiError.of("INVALID_INPUT",
          "Variable refusée : seules les valeurs simples (texte, nombre, date, booléen) sont acceptées "
              + "(variable refused: only primitive values, no Object or Java-serialised values)."));
    }
    return null;
  }

  /** Passes everything through until the engine sets 500; then keeps the body for translation. */
  private static final class HoldingResponse extends HttpServletResponseWrapper {
    boolean held;
    int heldStatus;
    final boolean holdForbidden;
    String contentType;
    final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    PrintWriter writer;

    HoldingResponse(HttpServletResponse response, boolean holdForbidden) {
      super(response);
      this.holdForbidden = holdForbidden;
    }

    @Override
    public void setStatus(int sc) {
      if (sc == SC_INTERNAL_SERVER_ERROR || (holdForbidden && sc == SC_FORBIDDEN)) {
        held = true;
        heldStatus = sc;
        return;
      }
      super.setStatus(sc);
    }

    @Override
    public void setContentType(String type) {
      contentType = type;
      if (!held) {
        super.setContentType(type);
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!held) {
        return super.getOutputStream();
      }
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}

          @Override
          public void write(int b) {
            buffer.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!held) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      if (!held) {
        super.flushBuffer();
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!held || !"Content-Length".equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void setContentLength(int len) {
      if (!held) {
        super.setContentLength(len);
      }
    }

    @Override
    public void setContentLengthLong(long len) {
      if (!held) {
        super.setContentLengthLong(len);
      }
    }
  }
}
