package be.parcours.dossier;

/** What the access log records (contract: {@code GET /api/dossiers/{id}/access-log}). */
public enum AccessAction {
  CREATE, READ, SEARCH, CHANGE, DECISION, EXPORT, FILE_UPLOAD, FILE_DOWNLOAD, EXCEPTIONAL_ACCESS, ANONYMISED
}
