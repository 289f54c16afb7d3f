package be.parcours.dossier;

/** How much of a dossier a user may see (see {@link AccessPolicy}). */
public enum AccessLevel {
  /** Everything: beneficiary, parties, facts, verdict, documents and files, deadlines, tasks, interventions. */
  FULL,
  /** Reception: identity, contact details, appointments and its own group's tasks; never facts, verdict, documents or notes. */
  RECEPTION,
  /** A card in search results (reference, name, referent, status); the dossier itself only after an exceptional access. */
  CARD
}
