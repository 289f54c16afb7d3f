package be.parcours.dossier;

import java.time.LocalDate;

/**
 * What other modules read of a dossier to evaluate it: its procedure, reference date and the
 * procedure's facts as JSON (the shape of the eligibility request, without referenceDate).
 */
public record DossierFacts(long dossierId, String reference, Procedure procedure, LocalDate referenceDate,
    String factsJson, DossierStatus status) {}
