package be.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Dates typed and shown jj/mm/aaaa, amounts the Belgian way, for every page. */
class FormatsTest {

  final Formats fmt = new Formats();

  @AfterEach
  void reset() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void the_first_of_december_is_01_12() {
    assertThat(Formats.parseDate("01/12/2026")).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(Formats.parseDate(" 1/12/2026 ")).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(Formats.parseDate("01.12.2026")).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(fmt.date(LocalDate.of(2026, 12, 1))).isEqualTo("01/12/2026");
    assertThat(Formats.parseDate("")).isNull();
  }

  @Test
  void impossible_or_implausible_dates_are_refused_with_a_message_key() {
    assertThatThrownBy(() -> Formats.parseDate("31/02/2026")).hasMessage("error.date.impossible");
    assertThatThrownBy(() -> Formats.parseDate("2026-12-01")).hasMessage("error.date.format");
    assertThatThrownBy(() -> Formats.parseDate("12/2026")).hasMessage("error.date.format");
    assertThatThrownBy(() -> Formats.parseDate("01/12/1850")).hasMessage("error.date.range");
    assertThatThrownBy(() -> Formats.parseDate("01/12/2201")).hasMessage("error.date.range");
  }

  @Test
  void amounts_in_the_belgian_format_of_each_language() {
    LocaleContextHolder.setLocale(Locale.FRENCH);
    assertThat(fmt.money(new BigDecimal("1900")).replace('\u202f', ' ').replace('\u00a0', ' ')).isEqualTo("1 900,00 €");
    assertThat(fmt.amountsIn("Revenus 2400.00 € ≥ seuil 2323.08 €").replace('\u202f', ' ').replace('\u00a0', ' '))
        .isEqualTo("Revenus 2 400,00 € ≥ seuil 2 323,08 €");
    // an amount the rules already wrote the Belgian way is kept whole (it was "2 0,00 €")
    assertThat(fmt.amountsIn("Revenus 2 000,00 € ≥ seuil 1 811,59 €")).isEqualTo("Revenus 2 000,00 € ≥ seuil 1 811,59 €");
    assertThat(fmt.amountsIn("Revenus 2\u202F000,00 €")).isEqualTo("Revenus 2\u202F000,00 €");
    LocaleContextHolder.setLocale(new Locale("nl"));
    assertThat(fmt.money(new BigDecimal("1900")).replace('\u00a0', ' ')).isEqualTo("€ 1.900,00");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(fmt.money(new BigDecimal("2400.50"))).isEqualTo("€2,400.50");
  }

}
