package be.parcours.procedure;

import be.parcours.shared.ProcessVariables;
import java.util.Date;
import java.util.Map;
import java.util.function.LongConsumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the shared back ({@code processes/DossierBack.bpmn}) does outside the engine. The back is
 * the same for every procedure; what differs comes in as variables of the call activity:
 * {@code decisionClock} names the authority's decision clock (its period, how a request for
 * documents extends it, what a positive decision records), {@code appealClock} the clock opened by
 * a negative decision (30 days to the CCE, 15 days to ask for the family court). Each clock is a row
 * of the two tables below that calls the procedure's own code, which computes the deadline from
 * {@code rules/clocks/legal-deadlines.csv} and stores it on the dossier (PENDING, then MET or MISSED).
 * An unknown name is an error (a retried job, then an incident), never a default.
 */
@Component("dossierBack")
public class DossierBack {

  /** The decision clocks a procedure can pass as {@code decisionClock}. */
  public static final String FAMILY_REUNIFICATION = "FAMILY_REUNIFICATION";
  public static final String VISA_D = "VISA_D";
  public static final String VISA_C = "VISA_C";
  public static final String NATIONALITY_OPINION = "NATIONALITY_OPINION";
  /** The appeal clocks a procedure can pass as {@code appealClock}. */
  public static final String APPEAL_CCE = "APPEAL_CCE";
  public static final String FAMILY_COURT_REFERRAL = "FAMILY_COURT_REFERRAL";

  /**
   * An authority's decision clock: {@code start} computes and stores the deadline from
   * {@code startsOn} and returns when the timer fires; {@code extend} applies a request for documents
   * (or, where the law allows, the first silence); {@code overdue} marks the deadline MISSED;
   * {@code positive} records a positive decision (or a silence that counts as one).
   */
  record DecisionClock(Start start, Extend extend, LongConsumer overdue, Positive positive) {}

  /** The clock a negative decision opens: its start, the appeal filed, the window missed. */
  record AppealClock(Opening start, LongConsumer filed, LongConsumer missed) {}

  @FunctionalInterface
  interface Start {
    Date from(long dossierId, Object startsOn, Object sponsorCard);
  }

  @FunctionalInterface
  interface Extend {
    Date from(long dossierId, Object startsOn, Object sponsorCard, Date current);
  }

  @FunctionalInterface
  interface Positive {
    void record(long dossierId, Object deadlineMissed);
  }

  @FunctionalInterface
  interface Opening {
    Date from(long dossierId, Object notifiedOn, Object decisionDeadlineMissed);
  }

  private final Map<String, DecisionClock> decisionClocks;
  private final Map<String, AppealClock> appealClocks;

  DossierBack(ProcedureService procedure, VisaProcedure visa, NationalityProcedure nationality) {
    DecisionClock art12bis = new DecisionClock(procedure::startDecisionClock,
        (id, startsOn, card, current) -> procedure.extendDecisionClock(id, startsOn, card),
        procedure::decisionOverdue, procedure::decisionPositive);
    DecisionClock visaD = new DecisionClock((id, startsOn, card) -> procedure.startDecisionClock(id, startsOn),
        (id, startsOn, card, current) -> procedure.extendDecisionClock(id, startsOn),
        procedure::decisionOverdue, procedure::decisionPositive);
    DecisionClock visaC = new DecisionClock((id, startsOn, card) -> visa.startVisaCDecisionClock(id, startsOn),
        (id, startsOn, card, current) -> visa.extendVisaCDecisionClock(id, startsOn),
        procedure::decisionOverdue, procedure::decisionPositive);
    // the parquet's questions do not extend the 4 months (art. 15 §2 CNB): the same deadline; overdue is
    // not reached in practice, the Procureur's silence counts as no objection (silenceMeans = POSITIVE)
    DecisionClock opinion = new DecisionClock((id, startsOn, card) -> nationality.startOpinionClock(id, startsOn),
        (id, startsOn, card, current) -> current,
        nationality::opinionWindowMissed, (id, missed) -> nationality.nationalityAcquired(id));
    decisionClocks = Map.of(FAMILY_REUNIFICATION, art12bis, VISA_D, visaD, VISA_C, visaC, NATIONALITY_OPINION, opinion);
    AppealClock cce = new AppealClock(procedure::startAppealClock, procedure::appealFiled,
        procedure::appealWindowMissed);
    AppealClock familyCourt = new AppealClock((id, notifiedOn, missed) -> nationality.startReferralClock(id, notifiedOn),
        nationality::referralRequested, nationality::referralWindowMissed);
    appealClocks = Map.of(APPEAL_CCE, cce, FAMILY_COURT_REFERRAL, familyCourt);
  }

  public Date startDecisionClock(DelegateExecution execution) {
    return decisionClock(execution).start().from(dossierId(execution), execution.getVariable(ProcessVariables.CLOCK_STARTS_ON),
        execution.getVariable(ProcessVariables.SPONSOR_CARD));
  }

  /** Extends the clock and remembers it ({@code decisionExtended}: a silence extends at most once). */
  public Date extendDecisionClock(DelegateExecution execution) {
    Date extended = decisionClock(execution).extend().from(dossierId(execution),
        execution.getVariable(ProcessVariables.CLOCK_STARTS_ON), execution.getVariable(ProcessVariables.SPONSOR_CARD),
        (Date) execution.getVariable(ProcessVariables.DECISION_DEADLINE));
    execution.setVariable(ProcessVariables.DECISION_EXTENDED, true);
    return extended;
  }

  /** @return true, kept as {@code decisionDeadlineMissed} so that a late decision leaves the deadline MISSED */
  public boolean decisionOverdue(DelegateExecution execution) {
    decisionClock(execution).overdue().accept(dossierId(execution));
    return true;
  }

  public void decisionPositive(DelegateExecution execution) {
    decisionClock(execution).positive().record(dossierId(execution),
        execution.getVariable(ProcessVariables.DECISION_DEADLINE_MISSED));
  }

  public Date startAppealClock(DelegateExecution execution) {
    return appealClock(execution).start().from(dossierId(execution),
        execution.getVariable(ProcessVariables.DECISION_NOTIFIED_ON),
        execution.getVariable(ProcessVariables.DECISION_DEADLINE_MISSED));
  }

  public void appealFiled(DelegateExecution execution) {
    appealClock(execution).filed().accept(dossierId(execution));
  }

  public void appealWindowMissed(DelegateExecution execution) {
    appealClock(execution).missed().accept(dossierId(execution));
  }

  private DecisionClock decisionClock(DelegateExecution execution) {
    return known(decisionClocks, execution, ProcessVariables.DECISION_CLOCK);
  }

  private AppealClock appealClock(DelegateExecution execution) {
    return known(appealClocks, execution, ProcessVariables.APPEAL_CLOCK);
  }

  private static <T> T known(Map<String, T> clocks, DelegateExecution execution, String variable) {
    Object name = execution.getVariable(variable);
    T clock = name == null ? null : clocks.get(name.toString());
    if (clock == null) {
      throw new IllegalStateException("the shared back needs " + variable + " among " + clocks.keySet()
          + ", got " + name);
    }
    return clock;
  }

  private static long dossierId(DelegateExecution execution) {
    return ((Number) execution.getVariable(ProcessVariables.DOSSIER_ID)).longValue();
  }
}
