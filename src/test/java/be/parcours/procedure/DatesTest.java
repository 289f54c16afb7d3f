package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatesTest {

  @Test
  void a_date_typed_in_a_form_is_read_day_first_iso_as_iso() {
    assertThat(Dates.toLocalDate("01/12/2026")).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(Dates.toLocalDate("2026-12-01")).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(Dates.toLocalDate("2026-12-01T00:00:00.000+0100")).isEqualTo(LocalDate.of(2026, 12, 1));
  }
}
