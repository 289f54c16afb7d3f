package be.parcours.dossier;

/** Kinds of intervention the organisation counts in its activity report. */
public enum InterventionType { INTERVIEW, PHONE, LETTER_EMAIL, EXTERNAL_VISIT, APPOINTMENT, ADMIN_STEP, INFO_SESSION }
