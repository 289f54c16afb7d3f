package be.parcours.privacy;

import java.time.LocalDate;

/**
 * How long a closed dossier keeps the person's data: {@code closedYears} full years after its
 * closing day (setting {@code parcours.retention.closed-years}; the duration is a legal value to be
 * confirmed by legal staff, docs/privacy.md). Plain Java: dates in, decision out.
 *
 * <p>"Closed for longer than N years": a dossier closed on 15/03/2021 with N = 5 is kept through
 * 15/03/2026 (exactly five years) and is due for anonymisation from 16/03/2026. A dossier closed
 * on 29/02 reaches its anniversary on 28/02 of a common year.
 */
record RetentionRule(int closedYears) {

  RetentionRule {
    if (closedYears < 1 || closedYears > 100) {
      throw new IllegalArgumentException("parcours.retention.closed-years must be between 1 and 100, not "
          + closedYears);
    }
  }

  /** The last day the dossier's data is kept. */
  LocalDate keptUntil(LocalDate closedOn) {
    return closedOn.plusYears(closedYears);
  }

  /** The first day the dossier is due for anonymisation. */
  LocalDate dueFrom(LocalDate closedOn) {
    return keptUntil(closedOn).plusDays(1);
  }

  /** True when a dossier closed on that day has been closed for longer than the retention on {@code today}. */
  boolean due(LocalDate closedOn, LocalDate today) {
    return closedOn != null && keptUntil(closedOn).isBefore(today);
  }

  /**
   * A bound for the database: every dossier due today was closed before this day (the exact test is
   * {@link #due}; a leap day may let one day more through the bound, never one less).
   */
  LocalDate closedBefore(LocalDate today) {
    return today.minusYears(closedYears).plusDays(1);
  }
}
