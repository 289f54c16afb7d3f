package be.parcours.reporting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The figures of a period beside those of the previous period, exact (before any masking for an
 * audience, see {@link ReportTable}).
 */
public record ActivityReport(ReportPeriod period, ReportPeriod previousPeriod, List<Line> lines, List<Month> months) {

  /**
   * One figure. {@code base} is the size of the group it describes (itself for a count; the number
   * of dossiers behind a median), which decides the "&lt; 5" masking for funders.
   */
  public record Line(String section, String key, String label, BigDecimal current, BigDecimal previous,
      long currentBase, long previousBase, boolean count, boolean internalOnly) {

    static Line count(String section, String key, String label, long current, long previous) {
      return new Line(section, key, label, BigDecimal.valueOf(current), BigDecimal.valueOf(previous), current,
          previous, true, false);
    }

    Line internal() {
      return new Line(section, key, label, current, previous, currentBase, previousBase, count, true);
    }

    public BigDecimal changePercent() {
      return ReportMath.changePercent(current, previous);
    }
  }

  /** Interventions of a month, beside those of the month at the same place in the previous period. */
  public record Month(YearMonth month, long interventions, YearMonth previousMonth, Long previousInterventions) {}

  Line line(String section, String key) {
    return lines.stream().filter(l -> l.section().equals(section) && l.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no figure " + section + "." + key));
  }
}
