package be.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix ({@code src/test/resources/security/authorization-matrix.csv}): every
 * {@code /api} endpoint and every {@code /engine-rest} endpoint that Tasklist and Cockpit use, plus
 * the dangerous ones, × anonymous and each demo user → the expected status. Fails too when an
 * {@code /api} endpoint of the application has no row: a new endpoint must be added to the table.
 */
@ParcoursSpringTest
class AuthorizationMatrixTest {

  static final List<String> ROLES = List.of("anonymous", "demo-reception", "demo-caseworker", "demo-legal",
      "demo-supervisor", "demo-admin");

  record Row(int line, String method, String path, String body, List<String> expected) {}

  @Autowired
  TestRestTemplate rest;
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;
  @Autowired
  TaskService taskService;

  private Map<String, String> placeholders;
  private String reference;

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/security/authorization-matrix.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\\s*\\|\\s*");
        assertThat(cells).as("line " + (i + 1) + ": method | path | body | 6 expected statuses").hasSize(9);
        rows.add(new Row(i + 1, cells[0].strip(), cells[1].strip(), cells[2].strip(),
            List.of(cells).subList(3, 9).stream().map(String::strip).toList()));
      }
    }
    return rows;
  }

  @BeforeEach
  void dossier() {
    if (placeholders != null) {
      return;
    }
    var created = Api.as(rest, "demo-caseworker").post("/api/dossiers", InputHardeningTest.dossier("Matrice",
        "1990-01-01", ""));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    String id = created.getBody().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
    String reference = created.getBody().replaceAll("(?s).*\"reference\":\"([^\"]+)\".*", "$1");
    awaitIntake(reference);
    this.reference = reference;
    placeholders = Map.of("{id}", id, "{code}", "PASSPORT", "{fileId}", "999999");
  }

  private String awaitIntake(String reference) {
    for (int i = 0; i < 100; i++) {
      var task = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("Task_Intake")
          .singleResult();
      if (task != null) {
        return task.getId();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("no intake task for " + reference);
  }

  @Test
  void every_role_gets_the_expected_status_on_every_endpoint() throws IOException {
    SoftAssertions softly = new SoftAssertions();
    for (Row row : rows()) {
      String path = row.path();
      for (var p : placeholders.entrySet()) {
        path = path.replace(p.getKey(), p.getValue());
      }
      if (path.contains("{taskId}")) {
        // the dossier's task open now (the procedure may have moved on since the dossier was opened)
        var open = taskService.createTaskQuery().processInstanceBusinessKey(reference).list();
        path = path.replace("{taskId}", open.isEmpty() ? "no-open-task" : open.get(0).getId());
      }
      for (int r = 0; r < ROLES.size(); r++) {
        String expected = row.expected().get(r);
        if (expected.equals("-")) {
          continue;
        }
        String role = ROLES.get(r);
        Api api = role.equals("anonymous") ? Api.anonymous(rest) : Api.as(rest, role);
        var response = api.exchange(HttpMethod.valueOf(row.method()), path, row.body().equals("-") ? null : row.body(),
            null);
        int status = response.getStatusCode().value();
        String what = "line " + row.line() + ": " + role + " " + row.method() + " " + row.path() + " → " + status
            + " " + abbreviate(response.getBody());
        switch (expected) {
          case "*" -> softly.assertThat(status).as(what).isLessThan(500);
          case "allow" -> softly.assertThat(status).as(what).isNotIn(401, 403).isLessThan(500);
          default -> softly.assertThat(status).as(what).isEqualTo(Integer.parseInt(expected));
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void every_api_endpoint_has_a_row() throws IOException {
    Set<String> covered = new TreeSet<>();
    for (Row row : rows()) {
      int q = row.path().indexOf('?');
      covered.add(row.method() + " " + (q < 0 ? row.path() : row.path().substring(0, q)));
    }
    Set<String> missing = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      if (info.getPathPatternsCondition() == null) {
        return;
      }
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          if (!covered.contains(m.name() + " " + pattern)) {
            missing.add(m.name() + " " + pattern);
          }
        }
      }
    });
    assertThat(missing).as("endpoints without a row in security/authorization-matrix.csv").isEmpty();
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() > 160 ? body.substring(0, 160) + "…" : body;
  }
}
