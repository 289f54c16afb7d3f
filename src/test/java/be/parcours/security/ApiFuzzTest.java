package be.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/**
 * Property-based fuzzing over the OpenAPI description: for every {@code /api} operation of
 * {@code /v3/api-docs}, requests generated from its schema with a fixed seed (so a failure is
 * reproducible) and mutated — huge and negative numbers, bad and far dates, NUL and control
 * characters, very long strings, wrong types, missing and extra fields, negative or huge pages —
 * are sent as every demo user. Property: the server never answers 5xx.
 */
@ParcoursSpringTest
class ApiFuzzTest {

  static final long SEED = 20261201L;
  static final int REQUESTS_PER_ROLE = 1200;
  static final List<String> ROLES = List.of("demo-reception", "demo-caseworker", "demo-legal", "demo-supervisor",
      "demo-admin");
  /** Compile the whole rule set on each call (seconds): their input is no body, covered by the matrix. */
  static final Set<String> SKIPPED = Set.of("POST /api/rules/reload", "POST /api/rules/validate", "POST /api/rules/impact");

  static final String[] EVIL_STRINGS = {"", " ", "a\u0000b", "\u0007", "\u001b[31m", "x".repeat(5000),
      "-999999999-01-01", "+999999999-12-31", "0000-00-00", "2025-02-30", "1899-12-31", "2101-01-01",
      "${7*7}", "#{1}", "' OR 1=1 --", "<script>alert(1)</script>", "é𝄞", "null", "-1", "9".repeat(40),
      "NaN", "1e999999999", "RF-2026-00001", "PASSPORT", "family-reunification", "visa", "nationality"};
  static final Object[] EVIL_NUMBERS = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
      Long.MIN_VALUE, 107374183, 1e308, -1e308, 1.5, 0.0000001};

  record Operation(String method, String path, JsonNode parameters, JsonNode bodySchema) {}

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;

  private JsonNode components;

  @Test
  void no_generated_request_gets_a_5xx() throws Exception {
    JsonNode docs = mapper.readTree(Api.as(rest, "demo-supervisor").get("/v3/api-docs").getBody());
    components = docs.path("components").path("schemas");
    List<Operation> operations = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").fields();
    while (paths.hasNext()) {
      var p = paths.next();
      if (!p.getKey().startsWith("/api/")) {
        continue;
      }
      p.getValue().fields().forEachRemaining(m -> {
        String method = m.getKey().toUpperCase();
        if (SKIPPED.contains(method + " " + p.getKey())) {
          return;
        }
        JsonNode body = m.getValue().path("requestBody").path("content").path("application/json").path("schema");
        operations.add(new Operation(method, p.getKey(), m.getValue().path("parameters"), body.isMissingNode() ? null : body));
      });
    }
    assertThat(operations).hasSizeGreaterThan(10);

    Random random = new Random(SEED);
    Map<String, Integer> failures = new TreeMap<>();
    List<String> examples = new ArrayList<>();
    int sent = 0;
    for (String role : ROLES) {
      Api api = Api.as(rest, role);
      for (int i = 0; i < REQUESTS_PER_ROLE; i++) {
        Operation op = operations.get(random.nextInt(operations.size()));
        String path = path(op, random);
        String body = op.bodySchema() == null ? null : mapper.writeValueAsString(value(op.bodySchema(), random, 0));
        if (body != null && random.nextInt(20) == 0) {
          body = body.substring(0, random.nextInt(body.length() + 1)); // truncated JSON
        }
        var response = api.exchange(HttpMethod.valueOf(op.method()), path, body, null);
        sent++;
        if (response.getStatusCode().is5xxServerError()) {
          failures.merge(op.method() + " " + op.path(), 1, Integer::sum);
          if (examples.size() < 10) {
            examples.add(role + " " + op.method() + " " + path + " " + abbreviate(body) + " → "
                + response.getStatusCode().value() + " " + abbreviate(response.getBody()));
          }
        }
      }
    }
    assertThat(sent).isEqualTo(ROLES.size() * REQUESTS_PER_ROLE);
    assertThat(failures).as("5xx by operation (seed %d), e.g.%n%s", SEED, String.join("\n", examples)).isEmpty();
  }

  private String path(Operation op, Random random) {
    String path = op.path();
    StringBuilder query = new StringBuilder();
    for (JsonNode p : op.parameters()) {
      String name = p.path("name").asText();
      String in = p.path("in").asText();
      String value = scalar(p.path("schema"), random);
      if (in.equals("path")) {
        path = path.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
      } else if (in.equals("query") && (p.path("required").asBoolean() || random.nextBoolean())) {
        query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    return path + query;
  }

  private String scalar(JsonNode schema, Random random) {
    JsonNode v = value(schema, random, 3);
    return v.isTextual() ? v.asText() : v.toString();
  }

  private JsonNode value(JsonNode schema, Random random, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
      schema = components.path(name);
    }
    int mutation = random.nextInt(10);
    if (mutation == 0) {
      return evil(random); // wrong type or hostile value in place of anything
    }
    if (mutation == 1 && depth > 0) {
      return f.nullNode();
    }
    String type = schema.path("type").asText("object");
    if (schema.has("enum") && random.nextInt(3) > 0) {
      JsonNode values = schema.get("enum");
      return values.get(random.nextInt(values.size()));
    }
    switch (type) {
      case "object" -> {
        ObjectNode o = f.objectNode();
        if (depth > 4) {
          return o;
        }
        schema.path("properties").fields().forEachRemaining(e -> {
          if (random.nextInt(6) > 0) {
            o.set(e.getKey(), value(e.getValue(), random, depth + 1));
          }
        });
        if (random.nextInt(8) == 0) {
          o.set("unexpected" + random.nextInt(3), evil(random));
        }
        return o;
      }
      case "array" -> {
        ArrayNode a = f.arrayNode();
        int n = random.nextInt(12) == 0 ? 60 + random.nextInt(200) : random.nextInt(4);
        for (int i = 0; i < n && depth < 5; i++) {
          a.add(value(schema.path("items"), random, depth + 1));
        }
        return a;
      }
      case "integer", "number" -> {
        if (random.nextBoolean()) {
          return f.numberNode(random.nextInt(3000) - 100);
        }
        Object n = EVIL_NUMBERS[random.nextInt(EVIL_NUMBERS.length)];
        return n instanceof Integer i ? f.numberNode(i) : n instanceof Long l ? f.numberNode(l) : f.numberNode((Double) n);
      }
      case "boolean" -> {
        return f.booleanNode(random.nextBoolean());
      }
      default -> {
        if ("date".equals(schema.path("format").asText()) && random.nextBoolean()) {
          return f.textNode((1850 + random.nextInt(300)) + "-" + two(1 + random.nextInt(12)) + "-" + two(1 + random.nextInt(31)));
        }
        return f.textNode(random.nextBoolean() ? "texte " + random.nextInt(100) : EVIL_STRINGS[random.nextInt(EVIL_STRINGS.length)]);
      }
    }
  }

  private static JsonNode evil(Random random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (random.nextInt(5)) {
      case 0 -> f.textNode(EVIL_STRINGS[random.nextInt(EVIL_STRINGS.length)]);
      case 1 -> f.numberNode(new java.math.BigDecimal("1e" + (random.nextInt(2000) - 1000)));
      case 2 -> f.arrayNode().add(f.textNode("a\u0000"));
      case 3 -> f.objectNode().put("x", Long.MIN_VALUE);
      default -> f.booleanNode(random.nextBoolean());
    };
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
