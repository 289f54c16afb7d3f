package be.parcours.security;

import be.parcours.shared.ApiError;
import be.parcours.shared.ReplayedBodyRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigates the Camunda 7.24.0 CE advisory on expressions in task queries: a task or filter query
 * (Camunda REST or the webapps' API) whose parameters or JSON body carry an expression field
 * ({@code ...Expression}), or an expression value ({@code ${...}} / {@code #{...}}), anywhere —
 * including inside {@code orQueries} — is refused with 400 before it reaches the engine.
 */
class QueryExpressionGuardFilter extends OncePerRequestFilter {

  private static final int MAX_BODY = 1024 * 1024;
  /** Task and filter resources of Camunda REST and of the webapps' engine API (not /app/tasklist). */
  private static final java.util.regex.Pattern QUERY_PATHS =
      java.util.regex.Pattern.compile("/(task|filter)(/|$)");
  private final ObjectMapper mapper;

  QueryExpressionGuardFilter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().toLowerCase(Locale.ROOT);
    return !QUERY_PATHS.matcher(path).find();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
      if (isExpressionKey(p.getKey()) || containsExpression(p.getValue())) {
        reject(response, p.getKey());
        return;
      }
    }
    HttpServletRequest forwarded = request;
    String contentType = request.getContentType();
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        SecurityConfig.write(mapper, response, 413, ApiError.of("INVALID_INPUT", "request body too large"));
        return;
      }
      if (body.length > 0) {
        try {
          String offending = findExpression(mapper.readTree(body), "");
          if (offending != null) {
            reject(response, offending);
            return;
          }
        } catch (JsonProcessingException e) {
          // not JSON: let the engine answer its own 400
        }
      }
      forwarded = new ReplayedBodyRequest(request, body);
    }
    chain.doFilter(forwarded, response);
  }

  static boolean isExpressionKey(String key) {
    return key != null && key.toLowerCase(Locale.ROOT).endsWith("expression");
  }

  private static boolean containsExpression(String[] values) {
    for (String v : values) {
      if (isExpressionValue(v)) {
        return true;
      }
    }
    return false;
  }

  static boolean isExpressionValue(String v) {
    return v != null && (v.contains("${") || v.contains("#{"));
  }

  /** The path of the first expression key or value in a JSON tree, or null. */
  static String findExpression(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (isExpressionKey(field.getKey())) {
          return childPath;
        }
        String found = findExpression(field.getValue(), childPath);
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = findExpression(node.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    } else if (node.isTextual() && isExpressionValue(node.asText())) {
      return path;
    }
    return null;
  }

  private void reject(HttpServletResponse response, String field) throws IOException {
    SecurityConfig.write(mapper, response, HttpServletResponse.SC_BAD_REQUEST, new ApiError("INVALID_INPUT",
        field + ": expressions are not allowed in task or filter queries", field));
  }
}
