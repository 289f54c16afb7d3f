package be.parcours.dossier;

/** Status of a checklist document. */
public enum DocumentStatus { REQUIRED, RECEIVED, VALIDATED, REJECTED, EXPIRED }
