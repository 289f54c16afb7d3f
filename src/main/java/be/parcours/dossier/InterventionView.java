package be.parcours.dossier;

import java.time.LocalDate;

/** An intervention; {@code note} is left out for reception. */
public record InterventionView(long id, InterventionType type, LocalDate date, Integer minutes, String note,
    String by) {}
