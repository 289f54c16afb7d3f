package be.parcours.dossier;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** {@code PUT /api/dossiers/{id}/documents/{code}}: what a caseworker records about a checklist document. */
public record DocumentUpdateRequest(
    @NotNull DocumentStatus status,
    Boolean legalised,
    Boolean translated,
    LocalDate expiresOn,
    @Size(max = 1000) String note,
    LocalDate issuedOn) {

  public DocumentUpdateRequest(DocumentStatus status, Boolean legalised, Boolean translated, LocalDate expiresOn,
      String note) {
    this(status, legalised, translated, expiresOn, note, null);
  }
}
