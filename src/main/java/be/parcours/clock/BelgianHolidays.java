package be.parcours.clock;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Belgian public holidays of any year, from rules (fixed days and days relative to Easter); Easter
 * Sunday is computed (Meeus/Jones/Butcher Gregorian algorithm), never typed in.
 */
public final class BelgianHolidays {

  /** One holiday rule: a fixed day of the year, or a number of days after Easter Sunday. */
  record Rule(String code, MonthDay fixed, Integer daysAfterEaster, LocalDate validFrom, LocalDate validUntil) {

    LocalDate in(int year) {
      return fixed != null ? fixed.atYear(year) : easterSunday(year).plusDays(daysAfterEaster);
    }

    boolean validIn(int year) {
      return !validFrom.isAfter(LocalDate.of(year, 12, 31)) && (validUntil == null || !validUntil.isBefore(LocalDate.of(year, 1, 1)));
    }
  }

  private final List<Rule> rules;
  private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

  BelgianHolidays(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  private static <T> T parse(Map<String, String> row, java.util.function.Supplier<T> value) {
    try {
      return value.get();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("public-holidays.csv:" + row.get("_line") + ": rule " + row.get("rule")
          + ": " + e.getMessage(), e);
    }
  }

  static BelgianHolidays fromRows(List<Map<String, String>> rows) {
    return new BelgianHolidays(rows.stream().map(r -> {
      String rule = r.get("rule");
      MonthDay fixed = null;
      Integer afterEaster = null;
      if (rule != null && rule.startsWith("FIXED:")) {
        fixed = parse(r, () -> MonthDay.parse("--" + rule.substring(6)));
      } else if (rule != null && rule.startsWith("EASTER:")) {
        afterEaster = parse(r, () -> Integer.parseInt(rule.substring(7).replace("+", "")));
      } else {
        throw new IllegalArgumentException("public-holidays.csv:" + r.get("_line") + ": unknown rule " + rule);
      }
      try {
        return new Rule(r.get("code"), fixed, afterEaster, LocalDate.parse(r.get("validFrom")),
            r.get("validUntil").isEmpty() ? null : LocalDate.parse(r.get("validUntil")));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("public-holidays.csv:" + r.get("_line") + ": " + e.getMessage(), e);
      }
    }).toList());
  }

  public Set<LocalDate> of(int year) {
    return byYear.computeIfAbsent(year, y -> {
      Set<LocalDate> days = new TreeSet<>();
      rules.stream().filter(r -> r.validIn(y)).forEach(r -> days.add(r.in(y)));
      return Set.copyOf(days);
    });
  }

  public boolean isHoliday(LocalDate day) {
    return of(day.getYear()).contains(day);
  }

  /** Easter Sunday of a Gregorian year. */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }
}
