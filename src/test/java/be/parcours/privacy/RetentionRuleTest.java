package be.parcours.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which closed dossiers are due for anonymisation: "closed for longer than N years", to the day. */
class RetentionRuleTest {

  final RetentionRule fiveYears = new RetentionRule(5);

  @Test
  void a_dossier_is_kept_through_its_fifth_anniversary_and_due_the_day_after() {
    LocalDate closed = LocalDate.of(2021, 3, 15);
    assertThat(fiveYears.due(closed, LocalDate.of(2026, 3, 14))).isFalse();
    assertThat(fiveYears.due(closed, LocalDate.of(2026, 3, 15))).as("exactly five years: not longer").isFalse();
    assertThat(fiveYears.due(closed, LocalDate.of(2026, 3, 16))).isTrue();
    assertThat(fiveYears.keptUntil(closed)).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(fiveYears.dueFrom(closed)).isEqualTo(LocalDate.of(2026, 3, 16));
  }

  @Test
  void a_dossier_closed_on_a_leap_day_reaches_its_anniversary_on_the_28th_of_february() {
    LocalDate closed = LocalDate.of(2020, 2, 29);
    assertThat(fiveYears.due(closed, LocalDate.of(2025, 2, 28))).isFalse();
    assertThat(fiveYears.due(closed, LocalDate.of(2025, 3, 1))).isTrue();
    assertThat(new RetentionRule(4).due(closed, LocalDate.of(2024, 2, 29))).isFalse();
    assertThat(new RetentionRule(4).due(closed, LocalDate.of(2024, 3, 1))).isTrue();
  }

  @Test
  void an_open_dossier_is_never_due() {
    assertThat(fiveYears.due(null, LocalDate.of(2100, 1, 1))).isFalse();
  }

  @Test
  void the_database_bound_never_leaves_out_a_due_dossier() {
    LocalDate today = LocalDate.of(2026, 12, 2);
    for (LocalDate closed = LocalDate.of(2019, 1, 1); closed.isBefore(LocalDate.of(2023, 1, 1));
        closed = closed.plusDays(1)) {
      for (LocalDate day = today; day.isBefore(today.plusYears(4)); day = day.plusDays(29)) {
        if (fiveYears.due(closed, day)) {
          assertThat(closed).as("closed %s, today %s", closed, day).isBefore(fiveYears.closedBefore(day));
        }
      }
    }
  }

  @Test
  void the_duration_is_checked_at_start_up() {
    assertThatThrownBy(() -> new RetentionRule(0)).hasMessageContaining("between 1 and 100");
    assertThatThrownBy(() -> new RetentionRule(101)).hasMessageContaining("between 1 and 100");
  }
}
