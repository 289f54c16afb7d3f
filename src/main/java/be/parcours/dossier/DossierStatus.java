package be.parcours.dossier;

/** Where a dossier stands. */
public enum DossierStatus { OPEN, IN_PROGRESS, SUBMITTED, DECIDED, APPEAL, CLOSED }
