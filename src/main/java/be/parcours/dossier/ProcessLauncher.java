package be.parcours.dossier;

import be.parcours.shared.ProcessVariables;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts the BPMN process of a dossier's procedure (business key = dossier reference), in the
 * caller's transaction, when that process is deployed.
 */
@Component
class ProcessLauncher {

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  /** Keys found deployed once: definitions are never undeployed, so one query per key and node, not per dossier. */
  private final Set<String> deployed = ConcurrentHashMap.newKeySet();

  ProcessLauncher(RepositoryService repositoryService, RuntimeService runtimeService) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
  }

  static String processKey(Procedure procedure, Object facts) {
    return procedure.descriptor().processKeyFor(facts);
  }

  Optional<String> start(Dossier dossier, Object facts) {
    String key = processKey(dossier.getProcedure(), facts);
    if (!deployed.contains(key)) {
      if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
        return Optional.empty();
      }
      deployed.add(key);
    }
    var instance = runtimeService.startProcessInstanceByKey(key, dossier.getReference(), Map.of(
        ProcessVariables.DOSSIER_ID, dossier.getId(),
        ProcessVariables.DOSSIER_REFERENCE, dossier.getReference()));
    return Optional.of(instance.getId());
  }
}
