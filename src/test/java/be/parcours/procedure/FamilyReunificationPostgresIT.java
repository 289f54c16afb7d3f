package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.PostgresSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * A family reunification driven end to end through the HTTP APIs on PostgreSQL, as the users
 * would: reception, caseworker and legal staff complete their Tasklist tasks (Camunda REST, with
 * its authorizations), the job executor runs the rules and the clocks.
 */
class FamilyReunificationPostgresIT extends PostgresSpringTest {

  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  TaskService taskService;
  @Autowired
  be.parcours.clock.LegalClock legalClock;

  private JsonNode json(String body) throws Exception {
    return mapper.readTree(body);
  }

  private Task awaitTask(String reference, String key) {
    return await(() -> taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key)
        .singleResult(), key);
  }

  private static <T> T await(Supplier<T> probe, String what) {
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
    throw new AssertionError("timed out waiting for " + what);
  }

  private void complete(String user, Task task, String variables) {
    var response = Api.as(rest, user).post("/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\":{" + variables + "}}");
    assertThat(response.getStatusCode()).as(user + " completes " + task.getTaskDefinitionKey())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private JsonNode deadline(long id, String code) {
    try {
      JsonNode d = json(Api.as(rest, "demo-caseworker").get("/api/dossiers/" + id).getBody());
      for (JsonNode dl : d.get("deadlines")) {
        if (dl.get("code").asText().equals(code)) {
          return dl;
        }
      }
      return null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_granted_family_abroad_collects_the_visa_arrives_and_is_followed_up_to_closure() throws Exception {
    String body = """
        {"procedure":"family-reunification","referenceDate":"2025-10-01",
         "beneficiary":{"firstName":"Amani","lastName":"Kasongo","birthDate":"1990-07-14","nationality":"CD"},
         "sponsor":{"kind":"THIRD_COUNTRY_NATIONAL","residence":"UNLIMITED","statusGrantedOn":"2025-09-01",
                    "monthlyNetIncome":2600.00,"incomeKinds":["EMPLOYMENT"],"adequateHousing":true,
                    "healthInsurance":true,"householdSize":2},
         "applicant":{"relationship":"SPOUSE","birthDate":"1992-02-20","relationshipStartedOn":"2019-05-04",
                      "relationshipBeforeSponsorArrival":true,"location":"ABROAD"}}
        """;
    JsonNode created = json(Api.as(rest, "demo-caseworker").post("/api/dossiers", body).getBody());
    long id = created.get("id").asLong();
    // the forms' dates are checked against the dossier's opening (be.parcours.tasklist.FormDates): opened earlier
    jdbc.update("update dossier set opened_on = ? where id = ?", java.sql.Date.valueOf(java.time.LocalDate.of(2025, 10, 1)), id);
    String reference = created.get("reference").asText();

    // a caseworker may do the intake too; the sponsor holds a Blue Card (H): the 4-month clock
    complete("demo-caseworker", awaitTask(reference, "Task_Intake"), "\"sponsorCard\":{\"value\":\"H\"}");
    Task collect = awaitTask(reference, "Task_CollectDocuments");
    JsonNode dossier = json(Api.as(rest, "demo-caseworker").get("/api/dossiers/" + id).getBody());
    for (JsonNode doc : dossier.get("documents")) {
      Api.as(rest, "demo-caseworker").put("/api/dossiers/" + id + "/documents/" + doc.get("code").asText(),
          "{\"status\":\"RECEIVED\",\"legalised\":true,\"translated\":true}");
    }
    complete("demo-caseworker", collect, "");
    complete("demo-caseworker", awaitTask(reference, "Task_BookAppointment"),
        "\"appointmentOn\":{\"value\":\"2026-01-12\"},\"appointmentPlace\":{\"value\":\"TLS Kinshasa\"}");
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels"));
    java.time.LocalDate filedOn = today.minusDays(20);
    complete("demo-caseworker", awaitTask(reference, "Task_FileVisaApplication"),
        "\"filedOn\":{\"value\":\"" + filedOn + "\"}");
    JsonNode decisionDeadline = await(() -> deadline(id, "DECISION"), "the decision deadline");
    assertThat(decisionDeadline.get("dueOn").asText())
        .isEqualTo(legalClock.deadline("FR_DECISION_LONG_TERM", filedOn).dueOn().toString())
        .isEqualTo(filedOn.plusMonths(4).toString());

    // the visa is granted: 6 months to collect the passport at the post
    var granted = Api.as(rest, "demo-caseworker").post("/api/dossiers/" + id + "/decision",
        "{\"outcome\":\"POSITIVE\",\"notifiedOn\":\"" + today + "\"}");
    assertThat(granted.getStatusCode()).as(granted.getBody()).isEqualTo(HttpStatus.CREATED);
    Task collectVisa = awaitTask(reference, "Task_CollectVisa");
    JsonNode visaDeadline = deadline(id, "VISA_D_COLLECTION");
    assertThat(visaDeadline.get("dueOn").asText()).isEqualTo(today.plusMonths(6).toString());
    assertThat(visaDeadline.get("status").asText()).isEqualTo("PENDING");
    assertThat(deadline(id, "DECISION").get("status").asText()).isEqualTo("MET");
    complete("demo-caseworker", collectVisa, "\"visaCollectedOn\":{\"value\":\"" + today + "\"}");

    // arrival, commune, then the four follow-ups in any order
    complete("demo-caseworker", awaitTask(reference, "Task_PrepareArrival"), "");
    complete("demo-caseworker", awaitTask(reference, "Task_RegisterAtCommune"), "");
    for (String followUp : new String[] {"Task_HealthInsurance", "Task_FamilyAllowances", "Task_SchoolEnrolment",
        "Task_FrenchClasses"}) {
      complete("demo-caseworker", awaitTask(reference, followUp), "");
    }
    JsonNode closed = await(() -> {
      try {
        JsonNode d = json(Api.as(rest, "demo-caseworker").get("/api/dossiers/" + id).getBody());
        return "CLOSED".equals(d.get("status").asText()) ? d : null;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "the dossier to be closed");
    assertThat(closed.get("deadlines").toString())
        .contains("\"code\":\"VISA_D_COLLECTION\",\"dueOn\":\"" + today.plusMonths(6) + "\"")
        .doesNotContain("PENDING");
    assertThat(closed.get("openTasks")).isEmpty();
    assertThat(ProcedureApiDriver.outcomes(jdbc, id)).containsExactly("REUNIFICATION_GRANTED on " + today);
  }

  @Test
  void an_eligible_family_abroad_is_followed_from_intake_to_an_appeal() throws Exception {
    String body = """
        {"procedure":"family-reunification","referenceDate":"2025-09-15",
         "beneficiary":{"firstName":"Samira","lastName":"Ouali","birthDate":"1988-03-03","nationality":"MA"},
         "sponsor":{"kind":"THIRD_COUNTRY_NATIONAL","residence":"UNLIMITED","statusGrantedOn":"2025-09-01",
                    "monthlyNetIncome":2400.00,"incomeKinds":["EMPLOYMENT"],"adequateHousing":true,
                    "healthInsurance":true,"householdSize":2},
         "applicant":{"relationship":"SPOUSE","birthDate":"1996-04-02","relationshipStartedOn":"2021-06-12",
                      "relationshipBeforeSponsorArrival":true,"location":"ABROAD"}}
        """;
    JsonNode created = json(Api.as(rest, "demo-caseworker").post("/api/dossiers", body).getBody());
    long id = created.get("id").asLong();
    // the forms' dates are checked against the dossier's opening (be.parcours.tasklist.FormDates): opened earlier
    jdbc.update("update dossier set opened_on = ? where id = ?", java.sql.Date.valueOf(java.time.LocalDate.of(2025, 10, 1)), id);
    String reference = created.get("reference").asText();
    assertThat(created.get("processInstanceId").asText()).isNotBlank();

    // reception: first interview (the caseworker may not complete reception's task)
    Task intake = awaitTask(reference, "Task_Intake");
    assertThat(Api.as(rest, "demo-legal").post("/engine-rest/task/" + intake.getId() + "/complete", "{}")
        .getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.INTERNAL_SERVER_ERROR);
    complete("demo-reception", intake, "\"intakeNote\":{\"value\":\"Premier entretien\"}");

    // the rules decide (asynchronously) and the checklist follows the verdict
    Task collect = awaitTask(reference, "Task_CollectDocuments");
    JsonNode dossier = json(Api.as(rest, "demo-caseworker").get("/api/dossiers/" + id).getBody());
    assertThat(dossier.at("/eligibility/outcome").asText()).isEqualTo("ELIGIBLE");
    assertThat(dossier.at("/eligibility/regime").asText()).isEqualTo("FR-2025");
    assertThat(dossier.at("/eligibility/rulesVersion").asText()).contains("#");
    assertThat(dossier.at("/openTasks/0/candidateGroup").asText()).isEqualTo("service-social");
    assertThat(taskService.getVariableLocal(collect.getId(), "beneficiaryName")).isEqualTo("Samira Ouali");
    for (JsonNode doc : dossier.get("documents")) {
      assertThat(doc.get("status").asText()).isEqualTo("REQUIRED");
      Api.as(rest, "demo-caseworker").put("/api/dossiers/" + id + "/documents/" + doc.get("code").asText(),
          "{\"status\":\"VALIDATED\",\"legalised\":true,\"translated\":true}");
    }
    complete("demo-caseworker", collect, "");

    // visa D at the embassy: appointment, then filing (annex 15quinquies date)
    Task appointment = awaitTask(reference, "Task_BookAppointment");
    complete("demo-caseworker", appointment,
        "\"appointmentOn\":{\"value\":\"2026-01-10\"},\"appointmentPlace\":{\"value\":\"VFS Casablanca\"}");
    Task filing = awaitTask(reference, "Task_FileVisaApplication");
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels"));
    java.time.LocalDate filedOn = today.minusDays(10);
    complete("demo-caseworker", filing, "\"filedOn\":{\"value\":\"" + filedOn + "\"}");

    // the decision clock: 9 months from filing, stored on the dossier
    JsonNode decisionDeadline = await(() -> {
      try {
        JsonNode d = json(Api.as(rest, "demo-caseworker").get("/api/dossiers/" + id).getBody());
        for (JsonNode dl : d.get("deadlines")) {
          if (dl.get("code").asText().equals("DECISION")) {
            return dl;
          }
        }
        return null;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "the decision deadline");
    assertThat(decisionDeadline.get("dueOn").asText()).isEqualTo(filedOn.plusMonths(9).toString());
    assertThat(decisionDeadline.get("legalBasis").asText()).contains("12bis");

    // a refusal notified today: 30 days to appeal (the calendar rules are unit-tested on fixed dates)
    String refusal = "{\"outcome\":\"NEGATIVE\",\"notifiedOn\":\"" + today + "\"}";
    String appealDue = legalClock.deadline("APPEAL_CCE", today).dueOn().toString();
    var decision = Api.as(rest, "demo-legal").post("/api/dossiers/" + id + "/decision", refusal);
    var again = Api.as(rest, "demo-legal").post("/api/dossiers/" + id + "/decision", refusal);
    assertThat(decision.getStatusCode()).as(decision.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    Task appeal = awaitTask(reference, "Task_PrepareAppeal");
    JsonNode afterRefusal = json(Api.as(rest, "demo-legal").get("/api/dossiers/" + id).getBody());
    assertThat(afterRefusal.get("deadlines").toString())
        .contains("\"code\":\"APPEAL_CCE\",\"dueOn\":\"" + appealDue + "\"")
        .contains("\"code\":\"DECISION\",\"dueOn\":\"" + filedOn.plusMonths(9) + "\"");
    complete("demo-legal", appeal, "\"appealChoice\":{\"value\":\"APPEAL\"}");

    JsonNode end = await(() -> {
      try {
        JsonNode d = json(Api.as(rest, "demo-legal").get("/api/dossiers/" + id).getBody());
        return "APPEAL".equals(d.get("status").asText()) ? d : null;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "the appeal to be recorded");
    assertThat(end.get("deadlines").toString()).contains("\"code\":\"APPEAL_CCE\",\"dueOn\":\"" + appealDue + "\","
        + "\"legalBasis\":\"art. 39/57 loi du 15.12.1980\",\"status\":\"MET\"");
    assertThat(end.get("openTasks")).isEmpty();
    // the refusal recorded twice through the API is one outcome
    assertThat(ProcedureApiDriver.outcomes(jdbc, id)).containsExactly("APPEAL on " + today, "REFUSAL on " + today);
  }
}
