package be.parcours.security;

import be.parcours.shared.ApiError;
import be.parcours.shared.ReplayedBodyRequest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Generic input hardening of the Parcours API, before any controller, database or engine sees the
 * request (contract "Errors (added)"):
 * <ul>
 *   <li>a JSON body over {@code parcours.input.max-json-bytes} (1 MB) → 413, on {@code /api},
 *       {@code /engine-rest} and the webapps' engine API (multipart uploads have their own limit);</li>
 *   <li>in every {@code /api} JSON string, field name, query parameter and path segment: NUL and other
 *       control characters → 400 (tab, line feed and carriage return are accepted in bodies: free-text notes);</li>
 *   <li>every date (a string {@code yyyy-MM-dd…}) outside 1900-01-01 … 2100-12-31 → 400, in bodies and
 *       query parameters alike, so that no impossible date reaches H2 (stored corrupted) or PostgreSQL;</li>
 *   <li>an array of more than {@code parcours.input.max-items} (50) elements → 400 (family members, parties…);</li>
 *   <li>a number of 10<sup>15</sup> or more, or with more than 10 decimals → 400 (1e999999999 would make
 *       BigDecimal arithmetic run for minutes);</li>
 *   <li>{@code page} × {@code size} beyond {@link #MAX_ROWS} rows → 400 (an int overflow gave 500).</li>
 * </ul>
 * The answer is the contract's error body with the offending field.
 */
class InputGuardFilter extends OncePerRequestFilter {

  static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
  static final LocalDate MAX_DATE = LocalDate.of(2100, 12, 31);
  static final long MAX_ROWS = 1_000_000;
  private static final Pattern DATE = Pattern.compile("^([+-]?\\d{4,})-(\\d{2})-(\\d{2})(?:$|T.*)");
  private static final BigDecimal MAX_NUMBER = new BigDecimal("1e15");

  private final ObjectMapper mapper;
  private final JsonFactory factory;
  private final long maxJsonBytes;
  private final int maxItems;

  InputGuardFilter(ObjectMapper mapper, long maxJsonBytes, int maxItems) {
    this.mapper = mapper;
    this.factory = mapper.getFactory();
    this.maxJsonBytes = maxJsonBytes;
    this.maxItems = maxItems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean api = path.startsWith("/api/") || path.equals("/api");
    boolean engine = path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/");
    if (!api && !engine) {
      chain.doFilter(request, response);
      return;
    }
    try {
      if (api) {
        checkPath(path);
        checkParameters(request);
      }
      HttpServletRequest checked = request;
      if (isJson(request)) {
        byte[] body = readBody(request);
        if (api && body.length > 0) {
          checkJson(body);
        }
        checked = new ReplayedBodyRequest(request, body);
      }
      chain.doFilter(checked, response);
    } catch (Refused r) {
      SecurityConfig.write(mapper, response, r.status, r.body);
    }
  }

  private static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && (type.toLowerCase().startsWith("application/json") || type.toLowerCase().contains("+json"));
  }

  private byte[] readBody(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxJsonBytes) {
      throw tooLarge();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
    try (InputStream in = request.getInputStream()) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
        if (out.size() > maxJsonBytes) {
          throw tooLarge();
        }
      }
    }
    return out.toByteArray();
  }

  private Refused tooLarge() {
    return new Refused(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ApiError.of("PAYLOAD_TOO_LARGE",
        "le corps JSON dépasse " + (maxJsonBytes / (1024 * 1024)) + " Mo (request body over "
            + maxJsonBytes + " bytes)"));
  }

  private static void checkPath(String path) {
    String decoded;
    try {
      decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(null, "malformed path");
    }
    if (hasControl(decoded, false)) {
      throw invalid(null, "the path contains a control character");
    }
  }

  private static void checkParameters(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null || query.isEmpty()) {
      return;
    }
    Long page = null;
    Long size = null;
    for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
      String name = e.getKey();
      if (hasControl(name, false)) {
        throw invalid(null, "a query parameter name contains a control character");
      }
      for (String value : e.getValue()) {
        if (value == null) {
          continue;
        }
        if (hasControl(value, false)) {
          throw invalid(name, name + ": contains a control character");
        }
        checkDate(name, value);
      }
      if (name.equals("page")) {
        page = asLong(e.getValue());
      } else if (name.equals("size")) {
        size = asLong(e.getValue());
      }
    }
    if (page != null && page > 0) {
      long rows = size == null || size <= 0 ? 20 : size;
      if (page > MAX_ROWS || page * rows > MAX_ROWS) {
        throw invalid("page", "page: page × size beyond the " + MAX_ROWS + " rows that can be served");
      }
    }
  }

  private static Long asLong(String[] values) {
    if (values.length == 0 || values[0] == null) {
      return null;
    }
    try {
      return Long.parseLong(values[0].strip());
    } catch (NumberFormatException e) {
      return null; // the controller answers 400 for a non-number
    }
  }

  private void checkJson(byte[] body) throws IOException {
    Deque<Object> path = new ArrayDeque<>(); // String field names and int[] array counters
    try (JsonParser parser = factory.createParser(body)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        switch (token) {
          case START_OBJECT -> {
            countElement(path);
            path.push("");
          }
          case START_ARRAY -> {
            countElement(path);
            path.push(new int[] {-1});
          }
          case END_OBJECT, END_ARRAY -> path.pop();
          case FIELD_NAME -> {
            String name = parser.currentName();
            path.pop();
            path.push(name);
            if (hasControl(name, false)) {
              throw invalid(field(path), "a field name contains a control character");
            }
          }
          case VALUE_STRING -> {
            countElement(path);
            String value = parser.getText();
            if (hasControl(value, true)) {
              throw invalid(field(path), field(path) + ": contains a control character");
            }
            checkDate(field(path), value);
          }
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
            countElement(path);
            BigDecimal number = parser.getDecimalValue();
            if (number.abs().compareTo(MAX_NUMBER) >= 0 || number.scale() > 10) {
              throw invalid(field(path), field(path) + ": number out of range");
            }
          }
          default -> countElement(path);
        }
      }
    } catch (JsonProcessingException malformed) {
      // malformed JSON: the controller's reader answers 400 with the position
    }
  }

  private void countElement(Deque<Object> path) {
    if (!path.isEmpty() && path.peek() instanceof int[] counter) {
      counter[0]++;
      if (counter[0] >= maxItems) {
        path.pop();
        String f = field(path);
        throw invalid(f, (f.isEmpty() ? "list" : f) + ": at most " + maxItems + " items");
      }
    }
  }

  private static String field(Deque<Object> path) {
    StringBuilder sb = new StringBuilder();
    var it = path.descendingIterator();
    while (it.hasNext()) {
      Object p = it.next();
      if (p instanceof String s) {
        if (s.isEmpty()) {
          continue;
        }
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(s);
      } else if (p instanceof int[] c && c[0] >= 0) {
        sb.append('[').append(c[0]).append(']');
      }
    }
    return sb.toString();
  }

  static void checkDate(String field, String value) {
    Matcher m = DATE.matcher(value.strip());
    if (!m.matches()) {
      return;
    }
    boolean outside;
    try {
      long year = Long.parseLong(m.group(1));
      outside = year < MIN_DATE.getYear() || year > MAX_DATE.getYear();
    } catch (NumberFormatException e) {
      outside = true;
    }
    if (outside) {
      throw invalid(field, (field == null || field.isEmpty() ? "date" : field)
          + ": date outside 1900-01-01 … 2100-12-31");
    }
  }

  /** NUL and other control characters (C0, DEL, C1); tab, LF and CR only where text may hold them. */
  static boolean hasControl(String s, boolean allowLineBreaks) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) && !(allowLineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
        return true;
      }
    }
    return false;
  }

  private static Refused invalid(String field, String message) {
    return new Refused(HttpServletResponse.SC_BAD_REQUEST,
        new ApiError("INVALID_INPUT", message, field == null || field.isEmpty() ? null : field));
  }

  private static final class Refused extends RuntimeException {
    final int status;
    final transient ApiError body;

    Refused(int status, ApiError body) {
      super(body.message(), null, false, false);
      this.status = status;
      this.body = body;
    }
  }
}
