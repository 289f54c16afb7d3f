package be.parcours.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.parcours.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's arithmetic: medians, changes in %, previous periods. */
class ActivityMathTest {

  @Test
  void median_of_odd_and_even_counts() {
    assertThat(ReportMath.median(List.of())).isNull();
    assertThat(ReportMath.median(List.of(7L))).isEqualByComparingTo("7");
    assertThat(ReportMath.median(List.of(472L, 146L, 70L, 1347L, 21L))).isEqualByComparingTo("146");
    assertThat(ReportMath.median(List.of(70L, 21L))).isEqualByComparingTo("45.5");
    assertThat(ReportMath.median(List.of(10L, 1L, 3L, 8L))).isEqualByComparingTo("5.5");
    assertThat(ReportMath.median(List.of(0L, 0L))).isEqualByComparingTo("0");
  }

  @Test
  void change_in_percent_rounded_half_up_to_one_decimal() {
    // the organisation's own figures: 4,360 interventions in 2020, 6,641 in 2021 (+52%)
    assertThat(ReportMath.changePercent(BigDecimal.valueOf(6641), BigDecimal.valueOf(4360)))
        .isEqualByComparingTo("52.3");
    assertThat(ReportMath.changePercent(BigDecimal.valueOf(624), BigDecimal.valueOf(580))).isEqualByComparingTo("7.6");
    assertThat(ReportMath.changePercent(BigDecimal.valueOf(3), BigDecimal.valueOf(8))).isEqualByComparingTo("-62.5");
    assertThat(ReportMath.changePercent(BigDecimal.valueOf(309), BigDecimal.valueOf(487)))
        .isEqualByComparingTo("-36.6");
    assertThat(ReportMath.changePercent(BigDecimal.valueOf(5), BigDecimal.valueOf(5))).isEqualByComparingTo("0");
    assertThat(ReportMath.changePercent(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
    assertThat(ReportMath.changePercent(null, BigDecimal.ONE)).isNull();
    assertThat(ReportMath.changePercent(BigDecimal.ONE, BigDecimal.valueOf(3))).isEqualByComparingTo("-66.7");
    assertThat(ReportMath.changePercent(BigDecimal.valueOf(2), BigDecimal.valueOf(3))).isEqualByComparingTo("-33.3");
  }

  @Test
  void previous_period_of_whole_months_is_the_same_months_before() {
    assertThat(new ReportPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).previous())
        .isEqualTo(new ReportPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
    assertThat(new ReportPeriod(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 5, 31)).previous())
        .isEqualTo(new ReportPeriod(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 2, 29)));
    assertThat(new ReportPeriod(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)).previous())
        .isEqualTo(new ReportPeriod(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
  }

  @Test
  void previous_period_of_other_periods_has_the_same_number_of_days() {
    assertThat(new ReportPeriod(LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 19)).previous())
        .isEqualTo(new ReportPeriod(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 9)));
    assertThat(new ReportPeriod(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1)).previous())
        .isEqualTo(new ReportPeriod(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 2, 28)));
  }

  @Test
  void months_of_a_period_and_invalid_periods() {
    assertThat(new ReportPeriod(LocalDate.of(2025, 11, 15), LocalDate.of(2026, 2, 1)).months())
        .containsExactly(YearMonth.of(2025, 11), YearMonth.of(2025, 12), YearMonth.of(2026, 1), YearMonth.of(2026, 2));
    assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("from");
    assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2000, 1, 1), LocalDate.of(2025, 1, 1)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void minutes_from_a_form_are_whole_numbers_of_a_day_at_most() {
    assertThat(InterventionTaskListenerPlugin.minutes(null)).isNull();
    assertThat(InterventionTaskListenerPlugin.minutes("")).isNull();
    assertThat(InterventionTaskListenerPlugin.minutes("20")).isEqualTo(20);
    assertThat(InterventionTaskListenerPlugin.minutes(45L)).isEqualTo(45);
    assertThat(InterventionTaskListenerPlugin.minutes(30.0)).isEqualTo(30);
    assertThatThrownBy(() -> InterventionTaskListenerPlugin.minutes("abc")).hasMessageContaining("interventionMinutes");
    assertThatThrownBy(() -> InterventionTaskListenerPlugin.minutes(1441)).hasMessageContaining("1440");
    assertThatThrownBy(() -> InterventionTaskListenerPlugin.minutes(12.5)).hasMessageContaining("entier");
  }

  @Test
  void csv_cells_are_quoted_and_never_formulas() {
    assertThat(ReportTable.csvCell("a,b")).isEqualTo("\"a,b\"");
    assertThat(ReportTable.csvCell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    assertThat(ReportTable.csvCell(new BigDecimal("-62.5"))).isEqualTo("-62.5");
    assertThat(ReportTable.csvCell(null)).isEmpty();
  }
}
