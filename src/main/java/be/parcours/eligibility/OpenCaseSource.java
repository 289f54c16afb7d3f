package be.parcours.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * The open dossiers, for the law-change impact (which outcomes a candidate rule set would change).
 * Implemented by the dossier module; without an implementation the impact lists no dossier.
 */
public interface OpenCaseSource {

  /**
   * An open dossier as the rules see it: its facts JSON is the eligibility request of its procedure
   * without referenceDate; currentOutcome is the outcome of its last stored verdict (null if none).
   */
  record OpenCase(long dossierId, String reference, String procedure, LocalDate referenceDate, String factsJson,
      String currentOutcome) {}

  List<OpenCase> openCases();
}
