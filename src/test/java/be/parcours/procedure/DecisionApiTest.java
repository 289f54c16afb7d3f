package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.dossier.DossierService;
import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** POST /api/dossiers/{id}/decision on the running application. */
@ParcoursSpringTest
class DecisionApiTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  DossierService dossiers;
  @Autowired
  org.springframework.transaction.PlatformTransactionManager transactions;

  private long openFamilyReunification() throws Exception {
    String body = """
        {"procedure":"family-reunification","beneficiary":{"firstName":"Nour","lastName":"Haddad"},
         "sponsor":{"kind":"REFUGEE","residence":"UNLIMITED"},"applicant":{"relationship":"SPOUSE","location":"ABROAD"}}
        """;
    return mapper.readTree(Api.as(rest, "demo-caseworker").post("/api/dossiers", body).getBody()).get("id").asLong();
  }

  @Test
  void a_dossier_that_is_not_waiting_for_a_decision_refuses_it_with_422_and_records_nothing() throws Exception {
    long id = openFamilyReunification();

    var response = Api.as(rest, "demo-legal").post("/api/dossiers/" + id + "/decision",
        "{\"outcome\":\"POSITIVE\",\"notifiedOn\":\"2026-01-05\"}");
    var again = Api.as(rest, "demo-legal").post("/api/dossiers/" + id + "/decision",
        "{\"outcome\":\"POSITIVE\",\"notifiedOn\":\"2026-01-05\"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY); // the first was rolled back
  }

  @Test
  void bad_decisions_get_400_404_or_403() throws Exception {
    long id = openFamilyReunification();

    assertThat(Api.as(rest, "demo-legal").post("/api/dossiers/" + id + "/decision",
        "{\"outcome\":\"MAYBE\",\"notifiedOn\":\"2026-01-05\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.as(rest, "demo-legal").post("/api/dossiers/" + id + "/decision",
        "{\"outcome\":\"POSITIVE\",\"notifiedOn\":\"2999-01-05\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.as(rest, "demo-legal").post("/api/dossiers/" + id + "/decision",
        "{\"outcome\":\"POSITIVE\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.as(rest, "demo-legal").post("/api/dossiers/999999/decision",
        "{\"outcome\":\"POSITIVE\",\"notifiedOn\":\"2026-01-05\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(Api.as(rest, "demo-reception").post("/api/dossiers/" + id + "/decision",
        "{\"outcome\":\"POSITIVE\",\"notifiedOn\":\"2026-01-05\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void a_decision_awaited_moves_the_procedure_once_even_when_recorded_twice() throws Exception {
    long id = openFamilyReunification();
    String reference = dossiers.facts(id).reference();
    // bring the process to the wait for the decision (the steps before are covered by the process tests)
    WaitingForTheDecision.bring(runtimeService, transactions, reference, "FamilyReunification", "2026-01-05",
        new java.util.Date(System.currentTimeMillis() + 86_400_000L));

    var first = Api.as(rest, "demo-legal").post("/api/dossiers/" + id + "/decision",
        "{\"outcome\":\"MORE_DOCUMENTS\",\"notifiedOn\":\"2026-02-01\"}");
    var second = Api.as(rest, "demo-legal").post("/api/dossiers/" + id + "/decision",
        "{\"outcome\":\"MORE_DOCUMENTS\",\"notifiedOn\":\"2026-02-01\"}");

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(mapper.readTree(first.getBody()).get("advanced").asBoolean()).isTrue();
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(mapper.readTree(second.getBody()).get("advanced").asBoolean()).isFalse();
    var tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference).list();
    assertThat(tasks).extracting("taskDefinitionKey").containsExactly("Task_ProvideMoreDocuments");
    // the form context is there for the caseworker
    assertThat(taskService.getVariableLocal(tasks.get(0).getId(), "beneficiaryName")).isEqualTo("Nour Haddad");
    assertThat(taskService.getVariableLocal(tasks.get(0).getId(), "dossierReference")).isEqualTo(reference);
  }
}
