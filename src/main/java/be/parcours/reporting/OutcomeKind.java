package be.parcours.reporting;

/** Outcomes the activity report counts (per dossier and day). */
public enum OutcomeKind {
  VISA_OBTAINED,
  REUNIFICATION_GRANTED,
  NATIONALITY_ACQUIRED,
  REFUSAL,
  APPEAL;

  /** Final outcomes end a procedure (its duration is measured up to the first of them); an appeal does not. */
  boolean isDecision() {
    return this != APPEAL;
  }
}
