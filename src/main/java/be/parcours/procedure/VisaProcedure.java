package be.parcours.procedure;

import be.parcours.clock.LegalClock;
import be.parcours.dossier.DossierService;
import be.parcours.dossier.DossierStatus;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clocks only the visa C process has; the rest — decision outcome, appeal window, visa D
 * decision and collection clocks, closure — is {@link ProcedureService}'s, shared with family
 * reunification and the standalone VisaD.bpmn.
 * The visa C decision is stored under the same dossier code as every decision clock ("DECISION").
 */
@Service("visaProcedure")
public class VisaProcedure {

  static final String VISA_C_DECISION = "VISA_C_DECISION";
  static final String VISA_C_DECISION_MAX = "VISA_C_DECISION_MAX";

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

  private Date decision(long dossierId, String code, LocalDate filedOn) {
    var deadline = legalClock.deadline(code, filedOn);
    dossiers.upsertDeadline(dossierId, ProcedureService.DECISION, deadline.dueOn(), deadline.legalBasis());
    return Dates.endOf(deadline.dueOn());
  }
}
