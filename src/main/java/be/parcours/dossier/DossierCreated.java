package be.parcours.dossier;

/** {@code 201} of {@code POST /api/dossiers}. */
public record DossierCreated(long id, String reference, Procedure procedure, DossierStatus status,
    String processInstanceId, String referent) {}
