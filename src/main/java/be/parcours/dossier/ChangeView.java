package be.parcours.dossier;

import java.time.Instant;

/** One line of a dossier's history: who changed which field, from what to what, when. */
public record ChangeView(Instant at, String user, String field, String oldValue, String newValue) {}
