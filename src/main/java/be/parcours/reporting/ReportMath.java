package be.parcours.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The arithmetic of the report: medians and changes in percent, rounded to one decimal. */
final class ReportMath {

  private ReportMath() {}

  /** Median of whole numbers (e.g. days); the mean of the two middle values for an even count; null if empty. */
  static BigDecimal median(List<Long> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    if (n % 2 == 1) {
      return BigDecimal.valueOf(sorted.get(n / 2)).setScale(1, RoundingMode.UNNECESSARY);
    }
    return BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2))
        .divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
  }

  /**
   * Change from previous to current in percent, rounded half up to one decimal (4,360 → 6,641 is
   * +52.3); null when there is nothing to compare with (previous is zero or a figure is missing).
   */
  static BigDecimal changePercent(BigDecimal current, BigDecimal previous) {
    if (current == null || previous == null || previous.signum() == 0) {
      return null;
    }
    return current.subtract(previous).multiply(BigDecimal.valueOf(100))
        .divide(previous, 1, RoundingMode.HALF_UP);
  }
}
