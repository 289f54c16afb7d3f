package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.clock.LegalClock;
import be.parcours.testsupport.PostgresSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Visa dossiers (C, and D on its own) driven end to end through the HTTP APIs on PostgreSQL. */
class VisaPostgresIT extends PostgresSpringTest {

  static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  LegalClock legalClock;

  ProcedureApiDriver api;
  LocalDate today = LocalDate.now(BRUSSELS);

  @BeforeEach
  void driver() {
    api = new ProcedureApiDriver(rest, mapper, taskService);
  }

  private JsonNode filed(String body, LocalDate filedOn) {
    JsonNode created = api.open("demo-caseworker", body);
    long id = created.get("id").asLong();
    // the forms' dates are checked against the dossier's opening (be.parcours.tasklist.FormDates): opened earlier
    jdbc.update("update dossier set opened_on = ? where id = ?", java.sql.Date.valueOf(java.time.LocalDate.of(2025, 10, 1)), id);
    String reference = created.get("reference").asText();
    api.complete("demo-reception", api.awaitTask(reference, "Task_Intake"), "");
    Task collect = api.awaitTask(reference, "Task_CollectDocuments");
    assertThat(api.dossier("demo-caseworker", id).at("/eligibility/outcome").asText()).isEqualTo("ELIGIBLE");
    api.validateAllDocuments(id);
    api.complete("demo-caseworker", collect, "");
    api.complete("demo-caseworker", api.awaitTask(reference, "Task_BookAppointment"),
        "\"appointmentOn\":{\"value\":\"" + filedOn + "\"},\"appointmentPlace\":{\"value\":\"TLS Dakar\"}");
    api.complete("demo-caseworker", api.awaitTask(reference, "Task_FileVisaApplication"),
        "\"filedOn\":{\"value\":\"" + filedOn + "\"}");
    return created;
  }

  @Test
  void a_family_visit_visa_refused_opens_the_appeal_window_and_the_passport_comes_back() {
    LocalDate filedOn = today.minusDays(2);
    JsonNode created = filed("""
        {"procedure":"visa","beneficiary":{"firstName":"Awa","lastName":"Diop","birthDate":"1952-04-18","nationality":"SN"},
         "visaType":"C","purpose":"FAMILY_VISIT","applicant":{"birthDate":"1952-04-18","nationality":"SN"}}
        """, filedOn);
    long id = created.get("id").asLong();
    // the forms' dates are checked against the dossier's opening (be.parcours.tasklist.FormDates): opened earlier
    jdbc.update("update dossier set opened_on = ? where id = ?", java.sql.Date.valueOf(java.time.LocalDate.of(2025, 10, 1)), id);
    String reference = created.get("reference").asText();
    assertThat(reference).startsWith("VI-");

    // 15 calendar days for the post (Visa Code art. 23)
    JsonNode decision = api.awaitDeadline(id, "DECISION", "PENDING");
    assertThat(decision.get("dueOn").asText()).isEqualTo(filedOn.plusDays(15).toString());
    assertThat(decision.get("legalBasis").asText()).contains("Code des visas");
    assertThat(api.dossier("demo-caseworker", id).get("status").asText()).isEqualTo("SUBMITTED");

    // refused today: 30 days to appeal to the CCE, and the passport to collect
    api.decision(id, "NEGATIVE", today);
    Task appeal = api.awaitTask(reference, "Task_PrepareAppeal");
    Task passport = api.awaitTask(reference, "Task_ReturnPassportRefused");
    String appealDue = legalClock.deadline("APPEAL_CCE", today).dueOn().toString();
    assertThat(api.awaitDeadline(id, "APPEAL_CCE", "PENDING").get("dueOn").asText()).isEqualTo(appealDue);
    api.awaitDeadline(id, "DECISION", "MET");
    api.complete("demo-caseworker", passport, "\"passportReturnedOn\":{\"value\":\"" + today + "\"}");
    api.complete("demo-legal", appeal, "\"appealChoice\":{\"value\":\"APPEAL\"}");

    JsonNode end = api.awaitStatus(id, "APPEAL");
    assertThat(end.get("deadlines").toString()).contains("\"code\":\"APPEAL_CCE\",\"dueOn\":\"" + appealDue
        + "\",\"legalBasis\":\"art. 39/57 loi du 15.12.1980\",\"status\":\"MET\"");
    ProcedureApiDriver.await(() -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(created.get("processInstanceId").asText()).finished().singleResult(), "the visa C end");
    // the activity report counts a refusal on the notification day and the appeal filed
    assertThat(ProcedureApiDriver.outcomes(jdbc, id)).containsExactly("APPEAL on " + today, "REFUSAL on " + today);
  }

  @Test
  void a_visa_d_on_its_own_is_decided_within_9_months_and_collected_within_6() {
    LocalDate filedOn = today.minusDays(20);
    JsonNode created = filed("""
        {"procedure":"visa","beneficiary":{"firstName":"Jean","lastName":"Mukendi","birthDate":"1994-02-11","nationality":"CD"},
         "visaType":"D","purpose":"FAMILY_REUNIFICATION","applicant":{"birthDate":"1994-02-11","nationality":"CD"}}
        """, filedOn);
    long id = created.get("id").asLong();
    // the forms' dates are checked against the dossier's opening (be.parcours.tasklist.FormDates): opened earlier
    jdbc.update("update dossier set opened_on = ? where id = ?", java.sql.Date.valueOf(java.time.LocalDate.of(2025, 10, 1)), id);
    String reference = created.get("reference").asText();

    JsonNode decision = api.awaitDeadline(id, "DECISION", "PENDING");
    assertThat(decision.get("dueOn").asText()).isEqualTo(filedOn.plusMonths(9).toString());

    api.decision(id, "POSITIVE", today);
    Task collect = api.awaitTask(reference, "Task_CollectVisa");
    JsonNode collection = api.awaitDeadline(id, "VISA_D_COLLECTION", "PENDING");
    assertThat(collection.get("dueOn").asText()).isEqualTo(today.plusMonths(6).toString());
    api.complete("demo-caseworker", collect, "\"visaCollectedOn\":{\"value\":\"" + today + "\"}");

    JsonNode closed = api.awaitStatus(id, "CLOSED");
    assertThat(closed.get("deadlines").toString())
        .contains("\"code\":\"VISA_D_COLLECTION\",\"dueOn\":\"" + today.plusMonths(6) + "\"")
        .contains("\"code\":\"DECISION\",\"dueOn\":\"" + filedOn.plusMonths(9) + "\"");
    assertThat(closed.get("openTasks")).isEmpty();
    assertThat(ProcedureApiDriver.outcomes(jdbc, id)).containsExactly("VISA_OBTAINED on " + today);
  }
}
