package be.parcours.dossier;

import java.time.LocalDate;

/** {@code GET /api/dossiers/duplicates}: a person already known with the same identity. */
public record DuplicateView(long dossierId, String reference, Procedure procedure, DossierStatus status,
    Person beneficiary) {

  public record Person(String firstName, String lastName, LocalDate birthDate) {}
}
