package be.parcours.supervision;

import java.time.LocalDate;

/**
 * One open dossier in the delays list (contract: {@code GET /api/supervision/delays}). {@code step}
 * is the name of its open user task(s), {@code inStepSinceDays} counts from the oldest open task,
 * {@code nextDeadline} is its earliest PENDING legal deadline; absent parts are null.
 */
record DelayView(long dossierId, String reference, String procedure, String step, String assignee,
    Integer inStepSinceDays, NextDeadline nextDeadline) {

  /** {@code status}: PENDING, or MISSED while still unanswered (the authority is past its legal period). */
  record NextDeadline(String code, LocalDate dueOn, long daysLeft, String status) {}

  Long daysLeft() {
    return nextDeadline == null ? null : nextDeadline.daysLeft();
  }
}
