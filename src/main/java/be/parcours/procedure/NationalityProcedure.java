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
 * The clocks of a Belgian nationality declaration (art. 12bis / 15 CNB), called from
 * Nationality.bpmn: the registrar's completeness check, the time to complete, the Procureur du
 * Roi's opinion window and the referral to the family court. Every period comes from
 * rules/clocks/legal-deadlines.csv through the legal clock; each deadline is stored on the dossier
 * under the code of its period and returned as the instant its timer fires.
 */
@Service("nationalityProcedure")
public class NationalityProcedure {

  static final String COMPLETENESS = "NATIONALITY_COMPLETENESS_CHECK";
  static final String COMPLETION = "NATIONALITY_COMPLETION";
  static final String OPINION = "NATIONALITY_OPINION";
  static final String REFERRAL = "NATIONALITY_FAMILY_COURT_REFERRAL";

  private final DossierService dossiers;
  private final LegalClock legalClock;
  private final ProcedureOutcomes outcomes;

  NationalityProcedure(DossierService dossiers, LegalClock legalClock, ProcedureOutcomes outcomes) {
    this.dossiers = dossiers;
    this.legalClock = legalClock;
    this.outcomes = outcomes;
  }

  /** The declaration is made: the registrar has 35 working days to say whether it is complete. */
  @Transactional
  public Date startCompletenessCheck(long dossierId, Object declaredOn) {
    dossiers.setStatus(dossierId, DossierStatus.SUBMITTED);
    return start(dossierId, COMPLETENESS, Dates.toLocalDate(declaredOn));
  }

  /** The registrar answered: in time if notified on or before the last day of the check. */
  @Transactional
  public void registrarAnswered(long dossierId, Object declaredOn, Object notifiedOn) {
    LocalDate due = legalClock.deadline(COMPLETENESS, Dates.toLocalDate(declaredOn)).dueOn();
    boolean inTime = !Dates.toLocalDate(notifiedOn).isAfter(due);
    dossiers.closeDeadline(dossierId, COMPLETENESS, inTime ? DeadlineStatus.MET : DeadlineStatus.MISSED);
  }

  @Transactional
  public void completenessCheckOverdue(long dossierId) {
    dossiers.closeDeadline(dossierId, COMPLETENESS, DeadlineStatus.MISSED);
  }

  /** The registrar asks to complete the file: 2 months from the notification. */
  @Transactional
  public Date startCompletionClock(long dossierId, Object notifiedOn) {
    return start(dossierId, COMPLETION, Dates.toLocalDate(notifiedOn));
  }

  @Transactional
  public void completionMet(long dossierId) {
    dossiers.closeDeadline(dossierId, COMPLETION, DeadlineStatus.MET);
  }

  @Transactional
  public void completionMissed(long dossierId) {
    dossiers.closeDeadline(dossierId, COMPLETION, DeadlineStatus.MISSED);
  }

  /** The registrar declares the declaration inadmissible. */
  @Transactional
  public void declarationInadmissible(long dossierId) {
    dossiers.setStatus(dossierId, DossierStatus.DECIDED);
    outcomes.refused(dossierId);
  }

  /** Complete file acknowledged and sent to the Procureur du Roi: 4 months for a negative opinion. */
  @Transactional
  public Date startOpinionClock(long dossierId, Object acknowledgedOn) {
    return start(dossierId, OPINION, Dates.toLocalDate(acknowledgedOn));
  }

  /** No negative opinion in the window (or none raised): the declarant is Belgian. */
  @Transactional
  public void nationalityAcquired(long dossierId) {
    dossiers.closeDeadlineIfPresent(dossierId, OPINION, DeadlineStatus.MET);
    dossiers.setStatus(dossierId, DossierStatus.DECIDED);
    outcomes.nationalityAcquired(dossierId);
  }

  /** The opinion window closed without the silence counting (not reached while silence is acceptance). */
  @Transactional
  public void opinionWindowMissed(long dossierId) {
    dossiers.closeDeadline(dossierId, OPINION, DeadlineStatus.MISSED);
  }

  /** A negative opinion: 15 days to ask for referral to the family court. */
  @Transactional
  public Date startReferralClock(long dossierId, Object notifiedOn) {
    dossiers.closeDeadlineIfPresent(dossierId, OPINION, DeadlineStatus.MET);
    dossiers.setStatus(dossierId, DossierStatus.DECIDED);
    outcomes.refused(dossierId, Dates.toLocalDate(notifiedOn));
    return start(dossierId, REFERRAL, Dates.toLocalDate(notifiedOn));
  }

  @Transactional
  public void referralRequested(long dossierId) {
    dossiers.closeDeadline(dossierId, REFERRAL, DeadlineStatus.MET);
    dossiers.setStatus(dossierId, DossierStatus.APPEAL);
    outcomes.appealed(dossierId);
  }

  @Transactional
  public void referralWindowMissed(long dossierId) {
    dossiers.closeDeadline(dossierId, REFERRAL, DeadlineStatus.MISSED);
  }

  private Date start(long dossierId, String code, LocalDate from) {
    var deadline = legalClock.deadline(code, from);
    dossiers.upsertDeadline(dossierId, code, deadline.dueOn(), deadline.legalBasis());
    return Dates.endOf(deadline.dueOn());
  }

}
