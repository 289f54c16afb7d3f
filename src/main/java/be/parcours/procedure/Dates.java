package be.parcours.procedure;

import be.parcours.shared.TimeConfig;
import java.time.LocalDate;
import java.util.Date;

/** Process variables hold dates as Date (timers, forms' ISO strings or jj/mm/aaaa as typed, API LocalDate): one reading of all. */
final class Dates {

  private Dates() {}

  static LocalDate toLocalDate(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("a date is required");
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(TimeConfig.BRUSSELS).toLocalDate();
    }
    String s = value.toString();
    if (s.strip().matches("\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}")) { // typed in a form, jj/mm/aaaa: day first
      return be.parcours.tasklist.FormDates.read("date", s)
          .orElseThrow(() -> new IllegalArgumentException("a date is required"));
    }
    return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
  }

  /** A legal deadline ends with its day: a timer on it fires at midnight (Brussels) after the last day. */
  static Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(TimeConfig.BRUSSELS).toInstant());
  }
}
