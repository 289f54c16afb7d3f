package be.parcours.procedure;

/**
 * The names of the process variables the procedures (processes/*.bpmn), their forms and the Java
 * code share: one place, so that a rename is one edit. Started with the decision and filing
 * variables; the other modules still spell theirs (the other modules still spell theirs).
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
}
