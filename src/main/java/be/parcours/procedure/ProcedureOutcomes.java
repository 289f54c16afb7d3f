package be.parcours.procedure;

import be.parcours.dossier.DossierService;
import be.parcours.reporting.OutcomeKind;
import be.parcours.reporting.ReportingService;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The outcomes a procedure reaches, recorded for the activity report at the step of the process
 * where they happen (never guessed from the decision endpoint's table, where a registrar's
 * "complete" answer and a visa's grant are both POSITIVE). Runs in the process step's transaction.
 */
@Component
class ProcedureOutcomes {

  private final ReportingService reporting;
  private final DossierService dossiers;
  private final DecisionStore decisions;
  private final Clock clock;

  ProcedureOutcomes(ReportingService reporting, DossierService dossiers, DecisionStore decisions, Clock clock) {
    this.reporting = reporting;
    this.dossiers = dossiers;
    this.decisions = decisions;
    this.clock = clock;
  }

  /**
   * A positive decision on the dossier's procedure: a family reunification granted (its visa D or
   * residence permit) or a visa obtained; dated by the positive decision's notification, else today.
   */
  void granted(long dossierId) {
    OutcomeKind kind = OutcomeKind.valueOf(dossiers.facts(dossierId).procedure().descriptor().grantedOutcome());
    LocalDate on = decisions.lastNotifiedOn(dossierId, DecisionOutcome.POSITIVE);
    reporting.recordOutcome(dossierId, kind, on == null ? today() : on);
  }

  /** A refusal (negative decision, inadmissible declaration, Procureur's negative opinion). */
  void refused(long dossierId, LocalDate notifiedOn) {
    reporting.recordOutcome(dossierId, OutcomeKind.REFUSAL, notifiedOn == null ? today() : notifiedOn);
  }

  /** A refusal dated by the latest negative decision's notification, else today. */
  void refused(long dossierId) {
    refused(dossierId, decisions.lastNotifiedOn(dossierId, DecisionOutcome.NEGATIVE));
  }

  /** An appeal filed (CCE) or a referral to the family court asked, today. */
  void appealed(long dossierId) {
    reporting.recordOutcome(dossierId, OutcomeKind.APPEAL, today());
  }

  /** No negative opinion in the Procureur's window (or none raised): Belgian from today. */
  void nationalityAcquired(long dossierId) {
    reporting.recordOutcome(dossierId, OutcomeKind.NATIONALITY_ACQUIRED, today());
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
