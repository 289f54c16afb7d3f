package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.dossier.DossierService;
import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recording the authority's decision (issue #16) on the running application: how it was notified,
 * the registered letter deemed notified the third working day after posting, implausible dates
 * refused in French, and the Tasklist task and the API recording through the same service, the
 * first one winning.
 */
@ParcoursSpringTest
class DecisionRecordingTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  DossierService dossiers;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  org.springframework.transaction.PlatformTransactionManager transactions;

  /** A family reunification dossier whose procedure waits for the decision on an application filed on 5 January 2026. */
  private long waitingForTheDecision() throws Exception {
    String body = """
        {"procedure":"family-reunification","beneficiary":{"firstName":"Amina","lastName":"Belkacem"},
         "sponsor":{"kind":"REFUGEE","residence":"UNLIMITED"},"applicant":{"relationship":"SPOUSE","location":"ABROAD"}}
        """;
    long id = mapper.readTree(Api.as(rest, "demo-caseworker").post("/api/dossiers", body).getBody()).get("id").asLong();
    WaitingForTheDecision.bring(runtimeService, transactions, dossiers.facts(id).reference(), "FamilyReunification",
        "2026-01-05", new java.util.Date(System.currentTimeMillis() + 86_400_000L));
    return id;
  }

  private JsonNode post(long id, String json) throws Exception {
    var response = Api.as(rest, "demo-caseworker").post("/api/dossiers/" + id + "/decision", json);
    JsonNode body = mapper.readTree(response.getBody());
    ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("_status", response.getStatusCode().value());
    return body;
  }

  @Test
  void a_refusal_by_registered_letter_recorded_in_tasklist_is_deemed_notified_three_working_days_after_posting()
      throws Exception {
    long id = waitingForTheDecision();
    String reference = dossiers.facts(id).reference();
    var task = taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_RecordDecision").singleResult();
    assertThat(task.getName()).isEqualTo("Enregistrer la décision de l'autorité");
    assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l -> "service-social".equals(l.getGroupId()));

    // posted on Friday 20 November 2026: Monday 23, Tuesday 24, Wednesday 25 → deemed notified on the 25th
    identityService.setAuthentication("demo-caseworker", java.util.List.of("service-social"));
    try {
      taskService.complete(task.getId(), Map.of("decisionOutcome", "NEGATIVE", "notificationMethod", "REGISTERED_LETTER",
          "decisionPostedOn", "2026-11-20"));
    } finally {
      identityService.clearAuthentication();
    }

    Map<String, Object> row = jdbc.queryForMap("select * from authority_decision where dossier_id = ?", id);
    assertThat(row.get("OUTCOME")).isEqualTo("NEGATIVE");
    assertThat(row.get("NOTIFIED_ON").toString()).isEqualTo("2026-11-25");
    assertThat(row.get("POSTED_ON").toString()).isEqualTo("2026-11-20");
    assertThat(row.get("NOTIFICATION_METHOD")).isEqualTo("REGISTERED_LETTER");
    assertThat(row.get("RECORDED_VIA")).isEqualTo("TASK");
    assertThat(row.get("RECORDED_BY")).isEqualTo("demo-caseworker");

    // the appeal clock on the dossier: 30 days from the day after the 25th = Friday 25 December (Christmas) → Monday 28
    JsonNode appeal = ProcedureApiDriver.await(() -> {
      try {
        JsonNode dossier = mapper.readTree(Api.as(rest, "demo-caseworker").get("/api/dossiers/" + id).getBody());
        for (JsonNode d : dossier.get("deadlines")) {
          if ("APPEAL_CCE".equals(d.get("code").asText())) {
            return d;
          }
        }
        return null;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "the appeal deadline on the dossier");
    assertThat(appeal.get("dueOn").asText()).isEqualTo("2026-12-28");
    assertThat(appeal.get("status").asText()).isEqualTo("PENDING");

    // the API afterwards sees the decision already recorded
    JsonNode again = post(id, "{\"outcome\":\"NEGATIVE\",\"notificationMethod\":\"REGISTERED_LETTER\",\"postedOn\":\"2026-11-20\"}");
    assertThat(again.get("_status").asInt()).isEqualTo(200);
    assertThat(again.get("advanced").asBoolean()).isFalse();
    assertThat(again.get("notifiedOn").asText()).isEqualTo("2026-11-25");
  }

  @Test
  void the_api_first_records_the_decision_and_takes_the_tasklist_task_away() throws Exception {
    long id = waitingForTheDecision();
    String reference = dossiers.facts(id).reference();

    JsonNode recorded = post(id, "{\"outcome\":\"MORE_DOCUMENTS\",\"notificationMethod\":\"EMAIL\",\"notifiedOn\":\"2026-02-03\"}");

    assertThat(recorded.get("_status").asInt()).isEqualTo(201);
    assertThat(recorded.get("notificationMethod").asText()).isEqualTo("EMAIL");
    assertThat(recorded.get("notifiedOn").asText()).isEqualTo("2026-02-03");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).list())
        .extracting("taskDefinitionKey").containsExactly("Task_ProvideMoreDocuments");
    assertThat(jdbc.queryForObject("select recorded_via from authority_decision where dossier_id = ?", String.class, id))
        .isEqualTo("API");
  }

  @Test
  void implausible_dates_are_refused_with_a_french_message_and_nothing_is_recorded() throws Exception {
    long id = waitingForTheDecision();
    String tomorrow = java.time.LocalDate.now(be.parcours.shared.TimeConfig.BRUSSELS).plusDays(1).toString();

    JsonNode future = post(id, "{\"outcome\":\"POSITIVE\",\"notificationMethod\":\"HAND\",\"notifiedOn\":\"" + tomorrow + "\"}");
    JsonNode beforeFiling = post(id, "{\"outcome\":\"POSITIVE\",\"notifiedOn\":\"2025-12-20\"}");
    JsonNode postedInTheFuture = post(id,
        "{\"outcome\":\"NEGATIVE\",\"notificationMethod\":\"REGISTERED_LETTER\",\"postedOn\":\"" + tomorrow + "\"}");
    JsonNode letterWithoutPosting = post(id, "{\"outcome\":\"NEGATIVE\",\"notificationMethod\":\"REGISTERED_LETTER\"}");

    assertThat(future.get("_status").asInt()).isEqualTo(422);
    assertThat(future.get("message").asText()).contains("est dans le futur");
    assertThat(future.get("field").asText()).isEqualTo("notifiedOn");
    assertThat(beforeFiling.get("_status").asInt()).isEqualTo(422);
    assertThat(beforeFiling.get("message").asText()).contains("ne peut pas précéder l'introduction de la demande (05/01/2026)");
    assertThat(postedInTheFuture.get("_status").asInt()).isEqualTo(422);
    assertThat(postedInTheFuture.get("field").asText()).isEqualTo("postedOn");
    assertThat(letterWithoutPosting.get("_status").asInt()).isEqualTo(422);
    assertThat(letterWithoutPosting.get("message").asText()).contains("date de dépôt à la poste");
    assertThat(jdbc.queryForObject("select count(*) from authority_decision where dossier_id = ?", Integer.class, id))
        .isZero();
  }
}
