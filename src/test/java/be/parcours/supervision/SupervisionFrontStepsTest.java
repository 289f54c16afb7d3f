package be.parcours.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A family reunification's intake is a step of the common front it calls (DossierFront.bpmn): in
 * the delays view it counts under family reunification, never under a process of its own, and the
 * dossier's row links to the family reunification instance (the root) that Cockpit opens.
 */
class SupervisionFrontStepsTest extends SupervisionTestBase {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  be.parcours.dossier.DossierService dossiers;

  @Test
  void a_step_of_the_common_front_counts_under_the_procedure_that_called_it() throws Exception {
    String body = """
        {"procedure":"family-reunification","beneficiary":{"firstName":"Samira","lastName":"Frontstep"},
         "sponsor":{"kind":"REFUGEE","residence":"UNLIMITED"},"applicant":{"relationship":"SPOUSE","location":"ABROAD"}}
        """;
    JsonNode created = mapper.readTree(Api.as(rest, "demo-caseworker").post("/api/dossiers", body).getBody());
    String reference = created.get("reference").asText();
    var root = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("FamilyReunification").singleResult();
    var front = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("DossierFront").singleResult();
    assertThat(front).as("the front is called with the dossier's reference as business key").isNotNull();
    var intake = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_Intake").singleResult();
    assertThat(intake.getProcessInstanceId()).isEqualTo(front.getId());
    engine.getTaskService().complete(intake.getId());
    dossiers.upsertDeadline(created.get("id").asLong(), "DECISION",
        java.time.LocalDate.now(be.parcours.shared.TimeConfig.BRUSSELS).plusDays(3), "test");

    JsonNode dashboard = mapper.readTree(Api.as(rest, "demo-supervisor").get("/api/supervision/dashboard").getBody());
    var steps = StreamSupport.stream(dashboard.get("stepDurations").spliterator(), false).toList();
    assertThat(steps).as("no step counted under the shared front").noneMatch(s -> s.get("procedure").asText()
        .equals("DossierFront"));
    assertThat(steps).anyMatch(s -> s.get("procedure").asText().equals("family-reunification")
        && s.get("step").asText().equals("Premier entretien et constitution du dossier"));

    JsonNode atRisk = StreamSupport.stream(dashboard.get("atRisk").spliterator(), false)
        .filter(r -> r.get("reference").asText().equals(reference)).findFirst().orElseThrow();
    assertThat(atRisk.get("procedure").asText()).isEqualTo("family-reunification");
    assertThat(atRisk.get("processInstanceId").asText()).as("the link opens the procedure, not its front")
        .isEqualTo(root.getId());
  }
}
