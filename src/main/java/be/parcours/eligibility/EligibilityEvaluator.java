package be.parcours.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * What the procedures ask of the eligibility rules: a verdict for a dossier's facts (the JSON of
 * the eligibility request without referenceDate) on a reference date, with the rules version.
 */
public interface EligibilityEvaluator {

  /**
   * @param procedureCode "family-reunification", "nationality" or "visa"
   * @throws IllegalArgumentException when the facts cannot be read for that procedure
   */
  DossierVerdict evaluate(String procedureCode, String factsJson, LocalDate referenceDate);

  /** A verdict as stored on a dossier: outcome ELIGIBLE | NOT_ELIGIBLE | NEEDS_REVIEW. */
  record DossierVerdict(String outcome, String regime, List<String> requiredDocuments, String rulesVersion,
      String verdictJson) {}
}
