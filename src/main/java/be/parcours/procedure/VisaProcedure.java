package be.parcours.procedure;

import be.parcours.clock.LegalClock;
import be.parcours.dossier.DeadlineStatus;
import be.parcours.dossier.DossierService;
import be.parcours.dossier.DossierStatus;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clocks only the visa processes have (VisaC.bpmn, standalone VisaD.bpmn); the rest — decision
 * outcome, appeal window, closure — is {@link ProcedureService}'s, shared with family reunification.
 * The visa C decision is stored under the same dossier code as every decision clock ("DECISION").
 */
@Service("visaProcedure")
public class VisaProcedure {

  static final String VISA_C_DECISION = "VISA_C_DECISION";
  static final String VISA_C_DECISION_MAX = "VISA_C_DECISION_MAX";
  static final String VISA_D_COLLECTION = "VISA_D_COLLECTION";

  private final DossierService dossiers;
  private final LegalClock legalClock;

  VisaProcedure(DossierService dossiers, LegalClock legalClock) {
    this.dossiers = dossiers;
    this.legalClock = legalClock;
  }

  /** A visa C application filed: a decision within 15 calendar days (Visa Code art. 23). */
  @Transactional
  public Date startVisaCDecisionClock(long dossierId, Object filedOn) {
    dossiers.setStatus(dossierId, DossierStatus.SUBMITTED);
    return decision(dossierId, VISA_C_DECISION, Dates.toLocalDate(filedOn));
  }

  /** The post needs more time or documents: the decision may come up to 45 days after filing. */
  @Transactional
  public Date extendVisaCDecisionClock(long dossierId, Object filedOn) {
    return decision(dossierId, VISA_C_DECISION_MAX, Dates.toLocalDate(filedOn));
  }

  /** A visa D granted: it must be collected within 6 months of the notification. */
  @Transactional
  public Date startVisaDCollectionClock(long dossierId, Object notifiedOn) {
    var deadline = legalClock.deadline(VISA_D_COLLECTION, Dates.toLocalDate(notifiedOn));
    dossiers.upsertDeadline(dossierId, VISA_D_COLLECTION, deadline.dueOn(), deadline.legalBasis());
    return Dates.endOf(deadline.dueOn());
  }

  @Transactional
  public void visaCollected(long dossierId) {
    dossiers.closeDeadline(dossierId, VISA_D_COLLECTION, DeadlineStatus.MET);
  }

  private Date decision(long dossierId, String code, LocalDate filedOn) {
    var deadline = legalClock.deadline(code, filedOn);
    dossiers.upsertDeadline(dossierId, ProcedureService.DECISION, deadline.dueOn(), deadline.legalBasis());
    return Dates.endOf(deadline.dueOn());
  }
}
