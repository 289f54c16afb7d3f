package be.parcours.alerts;

import java.time.LocalDate;

/**
 * A legal risk of a dossier on a date ({@code kind}: CHILD_COMES_OF_AGE, APPLICANT_AGE_REACHED,
 * DOCUMENT_EXPIRES, DEADLINE_SOON, DECISION_OVERDUE, WAITING_PERIOD_ENDS), with a message for people.
 * Beyond the contract: {@code urgent} (a child reaching the age limit within 60 days while the
 * decision is pending; an overdue decision).
 */
public record Alert(long dossierId, String reference, String kind, LocalDate date, String message, boolean urgent) {}
