package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.clock.LegalClock;
import be.parcours.testsupport.PostgresSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Belgian nationality declarations driven end to end through the HTTP APIs on PostgreSQL: Tasklist
 * tasks through Camunda REST, decisions through POST /api/dossiers/{id}/decision, the rules and
 * clocks on the job executor. The passing of the Procureur's 4 months is the timer job, executed.
 */
class NationalityPostgresIT extends PostgresSpringTest {

  static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
  static final String FACTS = """
      {"procedure":"nationality","referenceDate":"2025-09-15","referent":"demo-caseworker","feePaidOn":"2025-09-10",
       "beneficiary":{"firstName":"Kwame","lastName":"%s","birthDate":"1985-06-14","nationality":"GH"},
       "person":{"birthDate":"1985-06-14","bornInBelgium":false,"livedInBelgiumSinceBirth":false,"residenceCard":"B",
                 "legalStaySince":"2016-02-01","languageLevel":"A2","socialIntegration":"FIVE_YEARS_WORK",
                 "daysWorkedLast5Years":980,"selfEmployedQuarters":0,"marriedToBelgianCohabitingYears":0,
                 "parentOfMinorBelgian":false,"disabilityOrPension":false,"communityParticipation":false}}
      """;

  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired
  LegalClock legalClock;

  ProcedureApiDriver api;
  LocalDate today = LocalDate.now(BRUSSELS);

  @BeforeEach
  void driver() {
    api = new ProcedureApiDriver(rest, mapper, taskService);
  }

  /** Opened, eligible by path 12bis-1-2, pieces validated, declaration made 3 days ago. */
  private JsonNode declared(String lastName, LocalDate declaredOn) {
    JsonNode created = api.open("demo-reception", FACTS.formatted(lastName));
    long id = created.get("id").asLong();
    // the forms' dates are checked against the dossier's opening (be.parcours.tasklist.FormDates): opened earlier
    jdbc.update("update dossier set opened_on = ? where id = ?", java.sql.Date.valueOf(java.time.LocalDate.of(2025, 10, 1)), id);
    String reference = created.get("reference").asText();
    api.complete("demo-reception", api.awaitTask(reference, "Task_Intake"), "\"intakeNote\":{\"value\":\"Entretien\"}");

    Task collect = api.awaitTask(reference, "Task_CollectDocuments");
    JsonNode dossier = api.dossier("demo-caseworker", id);
    assertThat(dossier.at("/eligibility/outcome").asText()).isEqualTo("ELIGIBLE");
    assertThat(dossier.at("/eligibility/verdict/paths").toString()).contains("12bis-1-2");
    assertThat(dossier.get("documents").toString()).contains("BIRTH_CERTIFICATE", "FEE_PAYMENT_PROOF");
    api.validateAllDocuments(id);
    api.complete("demo-caseworker", collect, "");

    Task declare = api.awaitTask(reference, "Task_FileDeclaration");
    api.complete("demo-caseworker", declare,
        "\"declaredOn\":{\"value\":\"" + declaredOn + "\"},\"commune\":{\"value\":\"Schaerbeek\"}");
    JsonNode check = api.awaitDeadline(id, "NATIONALITY_COMPLETENESS_CHECK", "PENDING");
    LocalDate due = LocalDate.parse(check.get("dueOn").asText());
    assertThat(due).isEqualTo(legalClock.deadline("NATIONALITY_COMPLETENESS_CHECK", declaredOn).dueOn())
        .isAfterOrEqualTo(declaredOn.plusDays(49)); // 35 working days are at least 7 weeks
    return created;
  }

  private Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(BRUSSELS).toInstant());
  }

  @Test
  void a_declaration_without_negative_opinion_in_four_months_ends_with_belgian_nationality() {
    LocalDate declaredOn = today.minusDays(3);
    JsonNode created = declared("Asante", declaredOn);
    long id = created.get("id").asLong();
    // the forms' dates are checked against the dossier's opening (be.parcours.tasklist.FormDates): opened earlier
    jdbc.update("update dossier set opened_on = ? where id = ?", java.sql.Date.valueOf(java.time.LocalDate.of(2025, 10, 1)), id);
    String reference = created.get("reference").asText();

    // the registrar acknowledges the complete file today: 4 months for the Procureur du Roi
    api.decision(id, "POSITIVE", today);
    JsonNode opinion = api.awaitDeadline(id, "NATIONALITY_OPINION", "PENDING");
    assertThat(opinion.get("dueOn").asText()).isEqualTo(today.plusMonths(4).toString());
    assertThat(opinion.get("legalBasis").asText()).contains("CNB");
    api.awaitDeadline(id, "NATIONALITY_COMPLETENESS_CHECK", "MET");

    // the four months pass without an opinion: the timer fires at the end of the last day
    // the opinion is the shared back's wait (DossierBack.bpmn), called with "silence means acceptance"
    var timer = ProcedureApiDriver.await(() -> managementService.createJobQuery().processDefinitionKey("DossierBack")
        .activityId("Timer_DecisionDeadline").list().stream()
        .filter(j -> reference.equals(runtimeService.createProcessInstanceQuery()
            .processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey()))
        .findFirst().orElse(null), "the opinion window timer");
    assertThat(timer.getDuedate()).isEqualTo(endOf(today.plusMonths(4)));
    managementService.executeJob(timer.getId());

    Task card = api.awaitTask(reference, "Task_NewIdentityCard");
    assertThat(api.dossier("demo-caseworker", id).get("status").asText()).isEqualTo("DECIDED");
    api.awaitDeadline(id, "NATIONALITY_OPINION", "MET");
    api.complete("demo-caseworker", card, "\"doneOn\":{\"value\":\"" + today + "\"}");

    JsonNode closed = api.awaitStatus(id, "CLOSED");
    assertThat(closed.get("openTasks")).isEmpty();
    // the registrar's "complete" (a POSITIVE decision) is no outcome; the acquisition is, on the day it happens
    assertThat(ProcedureApiDriver.outcomes(jdbc, id)).containsExactly("NATIONALITY_ACQUIRED on " + today);
  }

  @Test
  void a_negative_opinion_gives_15_days_and_legal_staff_ask_for_the_family_court() {
    JsonNode created = declared("Boateng", today.minusDays(3));
    long id = created.get("id").asLong();
    // the forms' dates are checked against the dossier's opening (be.parcours.tasklist.FormDates): opened earlier
    jdbc.update("update dossier set opened_on = ? where id = ?", java.sql.Date.valueOf(java.time.LocalDate.of(2025, 10, 1)), id);
    String reference = created.get("reference").asText();
    api.decision(id, "POSITIVE", today.minusDays(1));
    api.awaitDeadline(id, "NATIONALITY_OPINION", "PENDING");

    // the Procureur du Roi's negative opinion, notified today
    api.decision(id, "NEGATIVE", today);
    Task referral = api.awaitTask(reference, "Task_PrepareAppeal");
    LocalDate referralDue = legalClock.deadline("NATIONALITY_FAMILY_COURT_REFERRAL", today).dueOn();
    assertThat(referralDue).isBetween(today.plusDays(15), today.plusDays(19));
    JsonNode deadline = api.awaitDeadline(id, "NATIONALITY_FAMILY_COURT_REFERRAL", "PENDING");
    assertThat(deadline.get("dueOn").asText()).isEqualTo(referralDue.toString());
    assertThat(referral.getDueDate()).isEqualTo(endOf(referralDue));
    assertThat(api.dossier("demo-legal", id).at("/openTasks/0/candidateGroup").asText()).isEqualTo("juristes");

    api.complete("demo-legal", referral, "\"appealChoice\":{\"value\":\"APPEAL\"},\"referralSentOn\":{\"value\":\""
        + today + "\"}");

    JsonNode appeal = api.awaitStatus(id, "APPEAL");
    assertThat(appeal.get("deadlines").toString())
        .contains("\"code\":\"NATIONALITY_FAMILY_COURT_REFERRAL\",\"dueOn\":\"" + referralDue
            + "\",\"legalBasis\":\"art. 15 CNB\",\"status\":\"MET\"");
    assertThat(appeal.get("openTasks")).isEmpty();
    assertThat(ProcedureApiDriver.outcomes(jdbc, id)).containsExactly("APPEAL on " + today, "REFUSAL on " + today);
  }
}
