package be.parcours.eligibility;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A node that cannot serve the version of the rules the database makes active (or a scheduled
 * one) raises a Camunda incident, so that operators see it in Cockpit next to the procedures'
 * incidents: one instance of the small process « Règles juridiques » ({@value #PROCESS}) per node
 * in trouble (business key = the node), holding an incident of type {@value #TYPE} whose
 * configuration is the version and whose message says why, in French. When the node serves again
 * what the database says, the incident is resolved and the instance ends. The workbench page shows
 * the same state from {@code rules_node}.
 */
@Component
class CamundaRulesIncidents implements RulesIncidents {

  static final String PROCESS = "parcours-rules-node";
  static final String TYPE = "parcours-rules";
  private static final Logger log = LoggerFactory.getLogger(CamundaRulesIncidents.class);

  private final RuntimeService runtime;
  private final RepositoryService repository;
  /** What was last reported by this node (failed version + error), so that a steady state costs no query. */
  private final Map<String, String> last = new java.util.concurrent.ConcurrentHashMap<>();

  CamundaRulesIncidents(RuntimeService runtime, RepositoryService repository) {
    this.runtime = runtime;
    this.repository = repository;
  }

  /** The process, built here rather than in processes/ (it is no procedure): start, wait while the incident is open. */
  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS)
        .name("Règles juridiques")
        .camundaHistoryTimeToLive(180)
        .camundaStartableInTasklist(false)
        .startEvent("rules_node_started").name("Un serveur ne peut pas appliquer les règles")
        .receiveTask("rules_node_waiting").name("Le serveur garde la dernière bonne version")
        .endEvent("rules_node_ok").name("Le serveur applique la version active")
        .done();
  }

  @Override
  public synchronized void report(String nodeId, String failedVersion, String error, String serving) {
    String state = failedVersion == null ? "ok" : failedVersion + "\n" + error;
    if (state.equals(last.get(nodeId))) {
      return;
    }
    try {
      if (failedVersion == null) {
        resolve(nodeId, serving);
      } else {
        raise(nodeId, failedVersion, error, serving);
      }
      last.put(nodeId, state);
    } catch (RuntimeException e) {
      log.warn("Rules incident of node {} could not be recorded in Camunda: {}", nodeId, e.toString());
    }
  }

  private ProcessInstance instance(String nodeId) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      return null;
    }
    return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(nodeId)
        .active().list().stream().findFirst().orElse(null);
  }

  private void raise(String nodeId, String failedVersion, String error, String serving) {
    ProcessInstance instance = instance(nodeId);
    if (instance == null) {
      if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
        repository.createDeployment().name("Règles juridiques (incidents des serveurs)")
            .addModelInstance(PROCESS + ".bpmn", model()).enableDuplicateFiltering(true).deploy();
      }
      instance = runtime.startProcessInstanceByKey(PROCESS, nodeId, Map.of("nodeId", nodeId,
          "servingVersion", Objects.requireNonNullElse(serving, "")));
    }
    List<Incident> open = runtime.createIncidentQuery().processInstanceId(instance.getId()).incidentType(TYPE).list();
    String message = message(nodeId, failedVersion, error, serving);
    for (Incident i : open) {
      if (failedVersion.equals(i.getConfiguration()) && message.equals(i.getIncidentMessage())) {
        return;
      }
      runtime.resolveIncident(i.getId()); // an earlier failure, replaced by this one
    }
    runtime.createIncident(TYPE, instance.getId(), failedVersion, message);
    log.error("Rules incident raised in Camunda for node {}: {}", nodeId, message);
  }

  private void resolve(String nodeId, String serving) {
    ProcessInstance instance = instance(nodeId);
    if (instance == null) {
      return;
    }
    for (Incident i : runtime.createIncidentQuery().processInstanceId(instance.getId()).incidentType(TYPE).list()) {
      runtime.resolveIncident(i.getId());
    }
    runtime.signal(instance.getId(), Map.of("servingVersion", Objects.requireNonNullElse(serving, "")));
    log.info("Rules incident of node {} resolved: it serves {}", nodeId, serving);
  }

  /** The incident's message as Cockpit shows it (at most 3 900 characters). */
  static String message(String nodeId, String failedVersion, String error, String serving) {
    String m = "Le serveur " + nodeId + " ne peut pas appliquer la version " + failedVersion
        + " des règles et continue avec la dernière bonne version (" + serving + ") : " + error;
    return m.length() > 3900 ? m.substring(0, 3900) : m;
  }
}
