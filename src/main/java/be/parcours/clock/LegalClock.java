package be.parcours.clock;

import java.time.LocalDate;

/**
 * Legal deadlines as the law counts them: months from the starting date, or days counted from the
 * day after it; when the period says so, a last day on a Saturday, Sunday or public holiday moves
 * to the next working day (art. 39/57 loi du 15.12.1980). Plain Java: no Spring, no Camunda.
 */
public class LegalClock {

  /** A computed deadline with the law it comes from. */
  public record Deadline(String code, LocalDate dueOn, String legalBasis) {}

  private volatile LegalPeriods periods;
  private final OfficeCalendar calendar;

  public LegalClock(LegalPeriods periods, OfficeCalendar calendar) {
    this.periods = periods;
    this.calendar = calendar;
  }

  LegalPeriods periods() {
    return periods;
  }

  /** A new table of periods, for the deadlines computed from now on (see {@link ClockTables}). */
  void replace(LegalPeriods periods) {
    this.periods = periods;
  }

  /** The deadline of a period started on a day (the law in force on that day). */
  public Deadline deadline(String code, LocalDate start) {
    return deadline(code, start, 0, null);
  }

  /** A deadline extended {@code extensions} times by the period {@code extensionCode}. */
  public Deadline deadline(String code, LocalDate start, int extensions, String extensionCode) {
    LegalPeriods periods = this.periods; // one table for the whole computation, even during a reload
    LegalPeriods.Period period = periods.get(code, start);
    LocalDate due = add(period, start);
    if (extensions > 0) {
      int max = periods.get(code + "_MAX_EXTENSIONS", start).amount();
      if (extensions > max) {
        throw new IllegalArgumentException(code + " can be extended " + max + " times at most");
      }
      LegalPeriods.Period extension = periods.get(extensionCode, start);
      for (int i = 0; i < extensions; i++) {
        due = add(extension, due);
      }
    }
    if (period.nextWorkingDay()) {
      due = calendar.nextLegalWorkingDay(due);
    }
    return new Deadline(code, due, period.legalBasis());
  }

  /**
   * The day a registered letter posted on that day is deemed notified: the n-th working day after
   * posting, n being {@code REGISTERED_LETTER_NOTIFICATION} of the clock table (3, art. 39/57 §2;
   * Saturdays, Sundays and public holidays are not working days). The appeal period then runs from
   * the day after it.
   */
  public Deadline registeredLetterNotification(LocalDate postedOn) {
    return deadline("REGISTERED_LETTER_NOTIFICATION", postedOn);
  }

  /** How many times a period may be extended (0 when the law allows none). */
  public int maxExtensions(String code, LocalDate start) {
    return periods.get(code + "_MAX_EXTENSIONS", start).amount();
  }

  public int amount(String code, LocalDate on) {
    return periods.get(code, on).amount();
  }

  private LocalDate add(LegalPeriods.Period period, LocalDate start) {
    return switch (period.unit()) {
      case MONTHS -> start.plusMonths(period.amount());
      case DAYS -> start.plusDays(period.amount());
      case WORKING_DAYS -> calendar.plusLegalWorkingDays(start, period.amount());
      case COUNT -> throw new IllegalArgumentException(period.code() + " is a count, not a period");
    };
  }
}
