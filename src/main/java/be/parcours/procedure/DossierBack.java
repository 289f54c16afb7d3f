package be.parcours.procedure;

import be.parcours.shared.ProcessVariables;
import java.util.Date;
import java.util.Map;
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

  /** An authority's decision clock. */
  interface DecisionClock {
    /** Starts the clock from {@code startsOn}; stores the deadline; returns when the timer fires. */
    Date start(long dossierId, Object startsOn, Object sponsorCard);

    /** A request for documents (or, where the law allows, the first silence) extends the clock. */
    Date extend(long dossierId, Object startsOn, Object sponsorCard, Date current);

    /** The deadline passed without a decision: the deadline is MISSED. */
    void overdue(long dossierId);

    /** A positive decision (or a silence that counts as one). */
    void positive(long dossierId, Object deadlineMissed);
  }

  /** The clock a negative decision opens. */
  interface AppealClock {
    Date start(long dossierId, Object notifiedOn, Object decisionDeadlineMissed);

    void filed(long dossierId);

    void missed(long dossierId);
  }

  private final Map<String, DecisionClock> decisionClocks;
  private final Map<String, AppealClock> appealClocks;

  DossierBack(ProcedureService procedure, VisaProcedure visa, NationalityProcedure nationality) {
    DecisionClock art12bis = new DecisionClock() {
      @Override
      public Date start(long id, Object startsOn, Object sponsorCard) {
        return procedure.startDecisionClock(id, startsOn, sponsorCard);
      }

      @Override
      public Date extend(long id, Object startsOn, Object sponsorCard, Date current) {
        return procedure.extendDecisionClock(id, startsOn, sponsorCard);
      }

      @Override
      public void overdue(long id) {
        procedure.decisionOverdue(id);
      }

      @Override
      public void positive(long id, Object missed) {
        procedure.decisionPositive(id, missed);
      }
    };
    DecisionClock visaD = new DecisionClock() {
      @Override
      public Date start(long id, Object startsOn, Object sponsorCard) {
        return procedure.startDecisionClock(id, startsOn);
      }

      @Override
      public Date extend(long id, Object startsOn, Object sponsorCard, Date current) {
        return procedure.extendDecisionClock(id, startsOn);
      }

      @Override
      public void overdue(long id) {
        procedure.decisionOverdue(id);
      }

      @Override
      public void positive(long id, Object missed) {
        procedure.decisionPositive(id, missed);
      }
    };
    DecisionClock visaC = new DecisionClock() {
      @Override
      public Date start(long id, Object startsOn, Object sponsorCard) {
        return visa.startVisaCDecisionClock(id, startsOn);
      }

      @Override
      public Date extend(long id, Object startsOn, Object sponsorCard, Date current) {
        return visa.extendVisaCDecisionClock(id, startsOn);
      }

      @Override
      public void overdue(long id) {
        procedure.decisionOverdue(id);
      }

      @Override
      public void positive(long id, Object missed) {
        procedure.decisionPositive(id, missed);
      }
    };
    DecisionClock opinion = new DecisionClock() {
      @Override
      public Date start(long id, Object startsOn, Object sponsorCard) {
        return nationality.startOpinionClock(id, startsOn);
      }

      /** The parquet's questions do not extend the 4 months (art. 15 §2 CNB): the same deadline. */
      @Override
      public Date extend(long id, Object startsOn, Object sponsorCard, Date current) {
        return current;
      }

      /** Not reached: the Procureur's silence counts as no objection ({@code silenceMeans = POSITIVE}). */
      @Override
      public void overdue(long id) {
        nationality.opinionWindowMissed(id);
      }

      @Override
      public void positive(long id, Object missed) {
        nationality.nationalityAcquired(id);
      }
    };
    decisionClocks = Map.of(FAMILY_REUNIFICATION, art12bis, VISA_D, visaD, VISA_C, visaC, NATIONALITY_OPINION, opinion);
    AppealClock cce = new AppealClock() {
      @Override
      public Date start(long id, Object notifiedOn, Object missed) {
        return procedure.startAppealClock(id, notifiedOn, missed);
      }

      @Override
      public void filed(long id) {
        procedure.appealFiled(id);
      }

      @Override
      public void missed(long id) {
        procedure.appealWindowMissed(id);
      }
    };
    AppealClock familyCourt = new AppealClock() {
      @Override
      public Date start(long id, Object notifiedOn, Object missed) {
        return nationality.startReferralClock(id, notifiedOn);
      }

      @Override
      public void filed(long id) {
        nationality.referralRequested(id);
      }

      @Override
      public void missed(long id) {
        nationality.referralWindowMissed(id);
      }
    };
    appealClocks = Map.of(APPEAL_CCE, cce, FAMILY_COURT_REFERRAL, familyCourt);
  }

  public Date startDecisionClock(DelegateExecution execution) {
    return decisionClock(execution).start(dossierId(execution), execution.getVariable(ProcessVariables.CLOCK_STARTS_ON),
        execution.getVariable(ProcessVariables.SPONSOR_CARD));
  }

  /** Extends the clock and remembers it ({@code decisionExtended}: a silence extends at most once). */
  public Date extendDecisionClock(DelegateExecution execution) {
    Date extended = decisionClock(execution).extend(dossierId(execution),
        execution.getVariable(ProcessVariables.CLOCK_STARTS_ON), execution.getVariable(ProcessVariables.SPONSOR_CARD),
        (Date) execution.getVariable(ProcessVariables.DECISION_DEADLINE));
    execution.setVariable(ProcessVariables.DECISION_EXTENDED, true);
    return extended;
  }

  /** @return true, kept as {@code decisionDeadlineMissed} so that a late decision leaves the deadline MISSED */
  public boolean decisionOverdue(DelegateExecution execution) {
    decisionClock(execution).overdue(dossierId(execution));
    return true;
  }

  public void decisionPositive(DelegateExecution execution) {
    decisionClock(execution).positive(dossierId(execution),
        execution.getVariable(ProcessVariables.DECISION_DEADLINE_MISSED));
  }

  public Date startAppealClock(DelegateExecution execution) {
    return appealClock(execution).start(dossierId(execution),
        execution.getVariable(ProcessVariables.DECISION_NOTIFIED_ON),
        execution.getVariable(ProcessVariables.DECISION_DEADLINE_MISSED));
  }

  public void appealFiled(DelegateExecution execution) {
    appealClock(execution).filed(dossierId(execution));
  }

  public void appealWindowMissed(DelegateExecution execution) {
    appealClock(execution).missed(dossierId(execution));
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
