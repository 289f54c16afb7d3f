package be.parcours.dossier;

/** Status of a legal deadline stored on a dossier. */
public enum DeadlineStatus { PENDING, MET, MISSED }
