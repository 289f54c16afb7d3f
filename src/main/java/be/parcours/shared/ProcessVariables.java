package be.parcours.shared;

/**
 * The names of the process variables the procedures (processes/*.bpmn), their forms and the Java
 * code share: one place, so that a rename is one edit. In {@code shared} because the modules that
 * start processes (dossier), guard their tasks (tasklist) and run their steps (procedure) all read
 * them. Only ids, dates and codes travel between a procedure and the processes it calls (the
 * common front): free texts typed in forms stay in the process where they were typed.
 */
public final class ProcessVariables {

  private ProcessVariables() {}

  /** The dossier's id (Long), set when the procedure starts. */
  public static final String DOSSIER_ID = "dossierId";
  /** The dossier's reference (also the business key). */
  public static final String DOSSIER_REFERENCE = "dossierReference";
  /** The day an application was filed (annex 15bis / 19ter / 15quinquies, visa C): ISO date. */
  public static final String FILED_ON = "filedOn";
  /** The day a nationality declaration was made at the commune: ISO date. */
  public static final String DECLARED_ON = "declaredOn";
  /** The decision's outcome: POSITIVE | NEGATIVE | MORE_DOCUMENTS. */
  public static final String DECISION_OUTCOME = "decisionOutcome";
  /** The day the appeal period counts from (deemed for a registered letter): ISO date. */
  public static final String DECISION_NOTIFIED_ON = "decisionNotifiedOn";
  /** HAND | EMAIL | REGISTERED_LETTER. */
  public static final String NOTIFICATION_METHOD = "notificationMethod";
  /** The posting day of a registered letter (form of the decision task): ISO date. */
  public static final String DECISION_POSTED_ON = "decisionPostedOn";
  /** The legal decision deadline (Date): the timer and the due date of the decision task. */
  public static final String DECISION_DEADLINE = "decisionDeadline";

  /** What the legal staff do after a refusal (form of the appeal task): APPEAL | FAVOUR_REVIEW | NONE. */
  public static final String APPEAL_CHOICE = "appealChoice";

  // the common front (processes/DossierFront.bpmn)

  /** The rules' verdict: ELIGIBLE | NOT_ELIGIBLE | NEEDS_REVIEW (result of the business-rule task). */
  public static final String ELIGIBILITY_OUTCOME = "eligibilityOutcome";
  /** The legal review's choice (form of the review task): CONTINUE | STOP. */
  public static final String REVIEW_DECISION = "reviewDecision";
  /** The intake's note (free text: stays in the front, never passed to the calling procedure). */
  public static final String INTAKE_NOTE = "intakeNote";
  /** The card of a family reunification's sponsor (intake form): it sets the decision period. */
  public static final String SPONSOR_CARD = "sponsorCard";
  /** What the common front returns to the procedure that called it: see {@link FrontOutcome}. */
  public static final String FRONT_OUTCOME = "frontOutcome";
  /** The Camunda form of the front's intake task, chosen by the calling procedure. */
  public static final String INTAKE_FORM = "intakeForm";
  /** The Camunda form of the front's document-collection task, chosen by the calling procedure. */
  public static final String DOCUMENTS_FORM = "documentsForm";

  /** The values of {@link #FRONT_OUTCOME}. */
  public enum FrontOutcome {
    /** Eligible (by the rules or after the legal review) and every document is there. */
    ELIGIBLE,
    /** The rules said not eligible. */
    NOT_ELIGIBLE,
    /** The legal review stopped the dossier. */
    STOPPED
  }

  // the common back (processes/DossierBack.bpmn)

  /** Which decision clock the back runs (a name of {@code procedure.DossierBack}): set by the calling procedure. */
  public static final String DECISION_CLOCK = "decisionClock";
  /** Which clock a negative decision opens (a name of {@code procedure.DossierBack}): set by the calling procedure. */
  public static final String APPEAL_CLOCK = "appealClock";
  /** The day the decision clock counts from (filing, or the registrar's acknowledgement): ISO date. */
  public static final String CLOCK_STARTS_ON = "clockStartsOn";
  /** What the authority's silence at the deadline means: see {@link SilenceMeans}. */
  public static final String SILENCE_MEANS = "silenceMeans";
  /** True when the first silence extends the clock once instead (visa C: 15 → 45 days). */
  public static final String EXTEND_ON_SILENCE = "extendOnSilence";
  /** True once the decision clock was extended (a silence then no longer extends it). */
  public static final String DECISION_EXTENDED = "decisionExtended";
  /** True once the decision deadline passed: a late decision leaves it MISSED. */
  public static final String DECISION_DEADLINE_MISSED = "decisionDeadlineMissed";
  /** The appeal (or referral) deadline (Date): the timer and the due date of the appeal task. */
  public static final String APPEAL_DEADLINE = "appealDeadline";
  /** The Camunda form of the back's appeal task, chosen by the calling procedure. */
  public static final String APPEAL_FORM = "appealForm";
  /** The Camunda form of the back's overdue task, chosen by the calling procedure. */
  public static final String OVERDUE_FORM = "overdueForm";
  /** When the legal staff are reminded that the appeal period runs (ISO duration in office days). */
  public static final String APPEAL_REMINDER = "appealReminder";
  /** What the common back returns to the procedure that called it: see {@link BackOutcome}. */
  public static final String BACK_OUTCOME = "backOutcome";
  /** The escalation the back throws when a negative decision is notified (the caller may act in parallel). */
  public static final String ESCALATION_DECISION_REFUSED = "DecisionRefused";

  /** The values of {@link #SILENCE_MEANS}. */
  public enum SilenceMeans {
    /** Nothing: the legal staff get a task, never a presumed decision. */
    OVERDUE,
    /** The law says silence is acceptance (no negative opinion of the Procureur du Roi in 4 months). */
    POSITIVE
  }

  /** The values of {@link #BACK_OUTCOME}. */
  public enum BackOutcome {
    /** A positive decision (or a silence that counts as one). */
    GRANTED,
    /** A negative decision and the appeal (or the referral) was lodged. */
    APPEALED,
    /** A negative decision without appeal: none chosen, a favour review chosen, or the period passed. */
    REFUSED
  }
}
