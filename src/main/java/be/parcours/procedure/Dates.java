package be.parcours.procedure;

import be.parcours.shared.TimeConfig;
import java.time.LocalDate;
import java.util.Date;

/** Process variables hold dates as Date (timers, forms' ISO strings, API LocalDate): one reading of all. */
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
    return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
  }

  /** A legal deadline ends with its day: a timer on it fires at midnight (Brussels) after the last day. */
  static Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(TimeConfig.BRUSSELS).toInstant());
  }
}
