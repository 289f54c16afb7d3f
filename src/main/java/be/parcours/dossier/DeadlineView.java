package be.parcours.dossier;

import java.time.LocalDate;

public record DeadlineView(String code, LocalDate dueOn, String legalBasis, DeadlineStatus status) {}
