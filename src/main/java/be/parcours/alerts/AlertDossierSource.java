package be.parcours.alerts;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The dossiers the alerts look at, as the dossier module gives them (implemented there; the access
 * decision is the dossier module's). Only dossiers the user may read in full: the alerts tell facts.
 */
public interface AlertDossierSource {

  record DocumentFact(String code, String status, LocalDate receivedOn, LocalDate expiresOn) {}

  record DeadlineFact(String code, LocalDate dueOn, String legalBasis, String status) {}

  /** A dossier not closed: its procedure's facts JSON (the eligibility request without referenceDate). */
  record AlertDossier(long dossierId, String reference, String procedure, String status, LocalDate referenceDate,
      String factsJson, String processInstanceId, List<DocumentFact> documents, List<DeadlineFact> deadlines) {}

  /** The open dossiers this user may read in full (referent, task holders, legal staff with its task, supervisors). */
  List<AlertDossier> dossiersOf(String user, Set<String> groups);

  /** Every open dossier (for the Tasklist flags, computed by the system). */
  List<AlertDossier> openDossiers();
}
