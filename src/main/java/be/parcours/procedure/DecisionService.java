package be.parcours.procedure;

import be.parcours.dossier.AccessAction;
import be.parcours.dossier.DossierFacts;
import be.parcours.dossier.DossierService;
import be.parcours.shared.BusinessRuleException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an authority's decision and moves the dossier's procedure on, in one transaction. The
 * same decision recorded twice (same outcome, same notification date) does not advance twice.
 */
@Service("authorityDecisions")
public class DecisionService {

  static final String MESSAGE = "DecisionReceived";

  private final DossierService dossiers;
  private final DecisionStore store;
  private final RuntimeService runtimeService;
  private final Clock clock;

  DecisionService(DossierService dossiers, DecisionStore store, RuntimeService runtimeService, Clock clock) {
    this.dossiers = dossiers;
    this.store = store;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** @return true when the procedure advanced, false when this decision was already recorded */
  @Transactional
  public boolean record(long dossierId, DecisionOutcome outcome, LocalDate notifiedOn, String user) {
    DossierFacts dossier = dossiers.facts(dossierId);
    if (store.exists(dossierId, outcome, notifiedOn)) {
      return false;
    }
    store.insert(dossierId, outcome, notifiedOn, user, clock.instant());
    dossiers.logAccess(dossierId, user, AccessAction.DECISION, outcome + ", notified on " + notifiedOn);
    try {
      runtimeService.createMessageCorrelation(MESSAGE)
          .processInstanceBusinessKey(dossier.reference())
          .setVariables(Map.of("decisionOutcome", outcome.name(), "decisionNotifiedOn", notifiedOn.toString()))
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new BusinessRuleException("outcome",
          "dossier " + dossier.reference() + " is not waiting for an authority's decision at its current step");
    }
    return true;
  }
}
