package be.parcours.reporting;

import be.parcours.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A reporting period, both days included. Its previous period has the same length and ends the day
 * before: whole months shift by whole months (the year 2025 → the year 2024, Q2 → Q1), any other
 * period shifts by its number of days.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

  /** Longest period a report may cover (the query and the monthly chart stay small). */
  static final int MAX_YEARS = 10;

  public ReportPeriod {
    if (from == null) {
      throw new InvalidInputException("from", "from: is required (yyyy-MM-dd)");
    }
    if (to == null) {
      throw new InvalidInputException("to", "to: is required (yyyy-MM-dd)");
    }
    if (from.isAfter(to)) {
      throw new InvalidInputException("from", "from: must not be after to (" + from + " > " + to + ")");
    }
    if (from.plusYears(MAX_YEARS).isBefore(to)) {
      throw new InvalidInputException("to", "to: a report covers at most " + MAX_YEARS + " years");
    }
  }

  boolean wholeMonths() {
    return from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth();
  }

  long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  public ReportPeriod previous() {
    if (wholeMonths()) {
      long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
      LocalDate start = from.minusMonths(months);
      return new ReportPeriod(start, from.minusDays(1));
    }
    return new ReportPeriod(from.minusDays(days()), from.minusDays(1));
  }

  boolean contains(LocalDate day) {
    return day != null && !day.isBefore(from) && !day.isAfter(to);
  }

  List<YearMonth> months() {
    List<YearMonth> result = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      result.add(m);
    }
    return result;
  }

  @Override
  public String toString() {
    return from + "/" + to;
  }
}
