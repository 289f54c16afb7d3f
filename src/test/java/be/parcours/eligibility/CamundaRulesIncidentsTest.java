package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.ParcoursSpringTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The incident of a node that cannot apply the rules is a Camunda incident (Cockpit lists it with
 * the procedures' incidents): on the process « Règles juridiques », one instance per node, the
 * version as configuration and the French reason as message; raised once, resolved when the node
 * serves again what the database says.
 */
@ParcoursSpringTest
class CamundaRulesIncidentsTest {

  @Autowired
  CamundaRulesIncidents incidents;
  @Autowired
  RuntimeService runtime;
  @Autowired
  RepositoryService repository;
  @Autowired
  HistoryService history;

  @Test
  void a_node_that_cannot_apply_a_version_raises_an_incident_in_cockpit_resolved_when_it_serves_again() {
    String node = "node-incident-" + System.nanoTime();
    String failed = "2026-12-01T10:00:00Z#badc0de";
    incidents.report(node, failed, "Fichier family-reunification/family-reunification.drl, ligne 12 : erreur de syntaxe",
        "2026-11-01T00:00:00Z#600d000");
    incidents.report(node, failed, "Fichier family-reunification/family-reunification.drl, ligne 12 : erreur de syntaxe",
        "2026-11-01T00:00:00Z#600d000"); // the next polls: still one incident

    var instance = runtime.createProcessInstanceQuery().processDefinitionKey(CamundaRulesIncidents.PROCESS)
        .processInstanceBusinessKey(node).singleResult();
    assertThat(instance).isNotNull();
    assertThat(repository.getProcessDefinition(instance.getProcessDefinitionId()).getName()).isEqualTo("Règles juridiques");
    var open = runtime.createIncidentQuery().processInstanceId(instance.getId()).list();
    assertThat(open).singleElement().satisfies(i -> {
      assertThat(i.getIncidentType()).isEqualTo(CamundaRulesIncidents.TYPE);
      assertThat(i.getConfiguration()).isEqualTo(failed);
      assertThat(i.getIncidentMessage()).startsWith("Le serveur " + node + " ne peut pas appliquer la version " + failed)
          .contains("dernière bonne version (2026-11-01T00:00:00Z#600d000)", "ligne 12 : erreur de syntaxe");
    });

    incidents.report(node, null, null, "2026-11-01T00:00:00Z#600d000");

    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(history.createHistoricIncidentQuery().processInstanceId(instance.getId()).resolved().count()).isEqualTo(1);
  }

  @Autowired
  RulesWorkbench workbench;

  @Test
  void this_node_serving_the_active_version_has_no_incident_and_a_long_reason_fits_the_incident() {
    workbench.sync();

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CamundaRulesIncidents.PROCESS)
        .processInstanceBusinessKey(workbench.nodeId()).count()).isZero();
    assertThat(workbench.nodes()).filteredOn(n -> n.nodeId().equals(workbench.nodeId()))
        .singleElement().satisfies(n -> assertThat(n.incident()).isFalse());
    assertThat(CamundaRulesIncidents.message("n", "v", "x".repeat(5000), "g")).hasSize(3900);
  }
}
