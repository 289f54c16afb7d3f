package be.parcours.clock;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The organisation's working days: Monday to Friday, minus Belgian public holidays and the
 * organisation's own closure periods (for internal reminders; legal deadlines ignore closures).
 */
public final class OfficeCalendar {

  /** A closure of the office, both days included. */
  public record Closure(LocalDate from, LocalDate to) {
    boolean contains(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }
  }

  private volatile BelgianHolidays holidays;
  private final List<Closure> closures;

  public OfficeCalendar(BelgianHolidays holidays, List<Closure> closures) {
    this.holidays = holidays;
    this.closures = List.copyOf(closures);
  }

  /** A new table of public holidays, for the days counted from now on (see {@link ClockTables}). */
  void replaceHolidays(BelgianHolidays holidays) {
    this.holidays = holidays;
  }

  /** A working day of the law: not a Saturday, Sunday or public holiday. */
  public boolean isLegalWorkingDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.isHoliday(day);
  }

  /** A day the office works: a legal working day outside the closure periods. */
  public boolean isOfficeDay(LocalDate day) {
    return isLegalWorkingDay(day) && closures.stream().noneMatch(c -> c.contains(day));
  }

  /** The n-th office day after a day (n ≥ 0; 0 gives the day itself if it is an office day, else the next). */
  public LocalDate plusOfficeDays(LocalDate start, int n) {
    LocalDate day = start;
    if (n == 0) {
      while (!isOfficeDay(day)) {
        day = day.plusDays(1);
      }
      return day;
    }
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isOfficeDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** The n-th legal working day after a day (public holidays and weekends skipped, closures not). */
  public LocalDate plusLegalWorkingDays(LocalDate start, int n) {
    LocalDate day = start;
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isLegalWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** The day itself if it is a legal working day, else the next one. */
  public LocalDate nextLegalWorkingDay(LocalDate day) {
    LocalDate d = day;
    while (!isLegalWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }
}
