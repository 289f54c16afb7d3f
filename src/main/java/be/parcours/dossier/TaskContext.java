package be.parcours.dossier;

/** The dossier context shown in a Tasklist form (no special-category data). */
public record TaskContext(String dossierReference, String beneficiaryName, String eligibilitySummary,
    String missingDocuments, String nextDeadline) {}
