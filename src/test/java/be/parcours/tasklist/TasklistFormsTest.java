package be.parcours.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.shared.TimeConfig;
import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A family reunification driven through the same engine REST calls as Tasklist's (form-variables,
 * submit-form): the form's context is live, "Rassembler les documents" says which documents are
 * missing, dates are read day first and implausible ones refused in French, the task staying open.
 */
@ParcoursSpringTest
class TasklistFormsTest {

  static final DateTimeFormatter JJ_MM_AAAA = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String BODY = """
      {"procedure":"family-reunification","referenceDate":"2025-10-01",
       "beneficiary":{"firstName":"Nadia","lastName":"Formulaire","birthDate":"1991-05-14","nationality":"MA"},
       "sponsor":{"kind":"THIRD_COUNTRY_NATIONAL","residence":"UNLIMITED","statusGrantedOn":"2025-09-01",
                  "monthlyNetIncome":2600.00,"incomeKinds":["EMPLOYMENT"],"adequateHousing":true,
                  "healthInsurance":true,"householdSize":2},
       "applicant":{"relationship":"SPOUSE","birthDate":"1992-02-20","relationshipStartedOn":"2019-05-04",
                    "relationshipBeforeSponsorArrival":true,"location":"IN_BELGIUM"}}
      """;

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void the_form_context_is_live_missing_documents_are_named_and_dates_are_read_day_first() throws Exception {
    JsonNode created = json(Api.as(rest, "demo-caseworker").post("/api/dossiers", BODY).getBody());
    long id = created.get("id").asLong();
    String reference = created.get("reference").asText();
    LocalDate today = LocalDate.now(TimeConfig.BRUSSELS);
    LocalDate opened = today.minusDays(40);
    jdbc.update("update dossier set opened_on = ? where id = ?", java.sql.Date.valueOf(opened), id);
    submit("demo-reception", await(reference, "Task_Intake"), "{}", HttpStatus.NO_CONTENT);

    Task collect = await(reference, "Task_CollectDocuments");
    JsonNode form = formVariables("demo-caseworker", collect);
    String missingAtCreation = form.at("/missingDocuments/value").asText();
    assertThat(missingAtCreation).isNotBlank().doesNotStartWith("Aucun");
    assertThat(form.at("/beneficiaryName/value").asText()).isEqualTo("Nadia Formulaire");
    assertThat(form.at("/dossierLink/value").asText()).isEqualTo("/dossiers/" + id);
    assertThat(form.at("/dossierId/value").asLong()).isEqualTo(id);
    assertThat(form.at("/eligibilitySummary/value").asText()).startsWith("Éligible");

    // completing while documents are missing: refused, with the documents, the task still open
    var refused = submit("demo-caseworker", collect, "{}", HttpStatus.BAD_REQUEST);
    assertThat(json(refused).get("message").asText())
        .startsWith("Cette tâche ne peut pas encore être terminée : il manque encore")
        .contains(missingAtCreation.split(" ; ")[0]);
    assertThat(json(refused).get("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(taskService.createTaskQuery().taskId(collect.getId()).count()).isEqualTo(1);
    // legal staff, not a candidate of this caseworkers' task, neither read its form nor learn what is missing
    var legal = Api.as(rest, "demo-legal").post(path(collect, "submit-form"), "{\"variables\":{}}");
    assertThat(legal.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(legal.getBody()).doesNotContain("manque").contains("réservé à ceux qui peuvent traiter la tâche");
    assertThat(Api.as(rest, "demo-legal").get(path(collect, "form-variables")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(formVariables("demo-supervisor", collect).at("/beneficiaryName/value").asText())
        .isEqualTo("Nadia Formulaire");

    // every document received: the same open form now says nothing is missing (not the copy of its creation)
    JsonNode dossier = json(Api.as(rest, "demo-caseworker").get("/api/dossiers/" + id).getBody());
    for (JsonNode doc : dossier.get("documents")) {
      assertThat(Api.as(rest, "demo-caseworker").put("/api/dossiers/" + id + "/documents/" + doc.get("code").asText(),
          "{\"status\":\"RECEIVED\",\"legalised\":true,\"translated\":true}").getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    assertThat(formVariables("demo-caseworker", collect).at("/missingDocuments/value").asText())
        .isEqualTo("Aucun : tous les documents requis sont reçus");
    submit("demo-caseworker", collect, "{}", HttpStatus.NO_CONTENT);

    // "Introduire la demande à la commune": dates jj/mm/aaaa, implausible ones refused in French
    Task file = await(reference, "Task_FileAtCommune");
    assertThat(json(submit("demo-caseworker", file, filedOn(today.plusDays(1).format(JJ_MM_AAAA)),
        HttpStatus.BAD_REQUEST)).get("message").asText()).contains("est dans le futur");
    assertThat(json(submit("demo-caseworker", file, filedOn(opened.minusDays(1).format(JJ_MM_AAAA)),
        HttpStatus.BAD_REQUEST)).get("message").asText())
        .contains("antérieur à l'ouverture du dossier (le " + opened.format(JJ_MM_AAAA) + ")");
    assertThat(json(submit("demo-caseworker", file, filedOn("31/02/2026"), HttpStatus.BAD_REQUEST)).get("message")
        .asText()).isEqualTo("Date d'introduction (annexe 15bis / 19ter / 15quinquies) : « 31/02/2026 » n'est pas "
            + "une date. Écrivez-la jj/mm/aaaa, par exemple 01/12/2026 pour le 1er décembre 2026.");
    assertThat(taskService.createTaskQuery().taskId(file.getId()).count()).isEqualTo(1);

    // a day whose month-first reading is another plausible day: stored as the day typed
    LocalDate filed = firstAmbiguousDayAfter(opened, today);
    submit("demo-caseworker", file, filedOn(filed.format(JJ_MM_AAAA)), HttpStatus.NO_CONTENT);
    String pi = file.getProcessInstanceId();
    assertThat(runtimeService.getVariable(pi, "filedOn")).isEqualTo(filed.toString());
    JsonNode deadline = await(() -> {
      for (JsonNode dl : json(Api.as(rest, "demo-caseworker").get("/api/dossiers/" + id).getBody()).get("deadlines")) {
        if (dl.get("code").asText().equals("DECISION")) {
          return dl;
        }
      }
      return null;
    });
    assertThat(LocalDate.parse(deadline.get("dueOn").asText())).isAfterOrEqualTo(filed.plusMonths(4));
  }

  /** A day between the two whose day is ≤ 12 (so 05/03 could be read 3 May), else the first day. */
  static LocalDate firstAmbiguousDayAfter(LocalDate from, LocalDate to) {
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue()) {
        return d;
      }
    }
    return from;
  }

  private static String filedOn(String typed) {
    return "{\"filedOn\":{\"value\":\"" + typed + "\",\"type\":\"String\"}}";
  }

  private JsonNode formVariables(String user, Task task) {
    var response = Api.as(rest, user).get(path(task, "form-variables"));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return json(response.getBody());
  }

  private String submit(String user, Task task, String variables, HttpStatus expected) {
    var response = Api.as(rest, user).post(path(task, "submit-form"), "{\"variables\":" + variables + "}");
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
    return response.getBody();
  }

  private static String path(Task task, String action) {
    return "/engine-rest/task/" + task.getId() + "/" + action;
  }

  private Task await(String reference, String key) {
    return await(() -> taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key)
        .singleResult());
  }

  private static <T> T await(Supplier<T> probe) {
    Instant end = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(end)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("timed out");
  }

  private JsonNode json(String body) {
    try {
      return mapper.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(body, e);
    }
  }
}
