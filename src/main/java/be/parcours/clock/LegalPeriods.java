package be.parcours.clock;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The legal periods of rules/clocks/legal-deadlines.csv, each valid from a date, with its basis and source. */
public final class LegalPeriods {

  public enum Unit { MONTHS, DAYS, WORKING_DAYS, COUNT }

  public record Period(String code, int amount, Unit unit, boolean nextWorkingDay, LocalDate validFrom,
      LocalDate validUntil, String legalBasis, String source) {

    boolean validOn(LocalDate day) {
      return !validFrom.isAfter(day) && (validUntil == null || !validUntil.isBefore(day));
    }
  }

  private final List<Period> periods;

  LegalPeriods(List<Period> periods) {
    this.periods = List.copyOf(periods);
  }

  static LegalPeriods fromRows(List<Map<String, String>> rows) {
    List<Period> periods = new java.util.ArrayList<>();
    for (Map<String, String> r : rows) {
      try {
        if (r.get("code") == null || !r.get("code").matches("[A-Z0-9_]+")) {
          throw new IllegalArgumentException("code: expected CAPITALS_AND_DIGITS, found '" + r.get("code") + "'");
        }
        periods.add(new Period(r.get("code"), Integer.parseInt(r.get("amount")), Unit.valueOf(r.get("unit")),
            Boolean.parseBoolean(r.get("nextWorkingDay")), LocalDate.parse(r.get("validFrom")),
            r.get("validUntil").isEmpty() ? null : LocalDate.parse(r.get("validUntil")), r.get("legalBasis"),
            r.get("source")));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("legal-deadlines.csv:" + r.get("_line") + ": " + e.getMessage(), e);
      }
    }
    return new LegalPeriods(periods);
  }

  /** The codes of the table, each once. */
  java.util.Set<String> codes() {
    return periods.stream().map(Period::code).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  /** Whether a period of that code is in force on the day. */
  boolean has(String code, LocalDate on) {
    return periods.stream().anyMatch(p -> p.code().equals(code) && p.validOn(on));
  }

  /** The period in force on a day; a missing period is a rules error, never a silent default. */
  public Period get(String code, LocalDate on) {
    return periods.stream().filter(p -> p.code().equals(code) && p.validOn(on)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no legal period " + code + " in force on " + on
            + " in rules/clocks/legal-deadlines.csv"));
  }
}
