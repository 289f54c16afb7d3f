package be.parcours.dossier;

import be.parcours.eligibility.VisaFacts;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts the BPMN process of a dossier's procedure (business key = dossier reference), in the
 * caller's transaction, when that process is deployed.
 */
@Component
class ProcessLauncher {

  static final String VAR_DOSSIER_ID = "dossierId";
  static final String VAR_DOSSIER_REFERENCE = "dossierReference";

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;

  ProcessLauncher(RepositoryService repositoryService, RuntimeService runtimeService) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
  }

  static String processKey(Procedure procedure, Object facts) {
    return switch (procedure) {
      case FAMILY_REUNIFICATION -> "FamilyReunification";
      case NATIONALITY -> "Nationality";
      case VISA -> facts instanceof VisaFacts v && v.visaType() == VisaFacts.VisaType.D ? "VisaD" : "VisaC";
    };
  }

  Optional<String> start(Dossier dossier, Object facts) {
    String key = processKey(dossier.getProcedure(), facts);
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
      return Optional.empty();
    }
    var instance = runtimeService.startProcessInstanceByKey(key, dossier.getReference(), Map.of(
        VAR_DOSSIER_ID, dossier.getId(),
        VAR_DOSSIER_REFERENCE, dossier.getReference()));
    return Optional.of(instance.getId());
  }
}
