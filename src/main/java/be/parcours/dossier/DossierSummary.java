package be.parcours.dossier;

import java.time.LocalDate;

/**
 * One search result. A viewer with a {@link AccessLevel#CARD card} only gets the reference, the
 * name, the referent and the status (procedure and opening day are left out).
 */
public record DossierSummary(long id, String reference, Procedure procedure, DossierStatus status, String beneficiary,
    LocalDate openedOn, String assignedTo, String referent, AccessLevel access) {}
