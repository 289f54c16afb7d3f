package be.parcours.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.parcours.tasklist.FormDates.Field;
import be.parcours.tasklist.FormDates.Kind;
import be.parcours.tasklist.FormDates.Known;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDatesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  static final Known KNOWN = new Known(TODAY, LocalDate.of(2026, 10, 5), null);
  static final Field FILED = new Field("filedOn", "Date d'introduction", Kind.DONE);

  @Test
  void day_comes_first_always() {
    assertThat(FormDates.read("d", "01/12/2026")).contains(LocalDate.of(2026, 12, 1));
    assertThat(FormDates.read("d", "1/12/2026")).contains(LocalDate.of(2026, 12, 1));
    assertThat(FormDates.read("d", "01.12.2026")).contains(LocalDate.of(2026, 12, 1));
    assertThat(FormDates.read("d", "12/01/2026")).contains(LocalDate.of(2026, 1, 12));
    assertThat(FormDates.read("d", "2026-12-01")).contains(LocalDate.of(2026, 12, 1)); // API, ISO
    assertThat(FormDates.read("d", " ")).isEmpty();
  }

  @Test
  void impossible_or_unreadable_dates_are_refused_in_french() {
    assertThatThrownBy(() -> FormDates.read("Date d'introduction", "31/02/2026"))
        .hasMessage("Date d'introduction : « 31/02/2026 » n'est pas une date. Écrivez-la jj/mm/aaaa, par exemple "
            + "01/12/2026 pour le 1er décembre 2026.");
    assertThatThrownBy(() -> FormDates.read("D", "13/13/2026")).hasMessageContaining("n'est pas une date");
    assertThatThrownBy(() -> FormDates.read("D", "demain")).hasMessageContaining("jj/mm/aaaa");
    assertThatThrownBy(() -> FormDates.read("D", "01/12/1850")).hasMessageContaining("entre 1900 et 2100");
  }

  @Test
  void a_filing_is_neither_in_the_future_nor_before_the_dossier() {
    assertThat(FormDates.check(FILED, TODAY, KNOWN)).isEqualTo(TODAY);
    assertThat(FormDates.check(FILED, LocalDate.of(2026, 10, 5), KNOWN)).isEqualTo(LocalDate.of(2026, 10, 5));
    assertThatThrownBy(() -> FormDates.check(FILED, TODAY.plusDays(1), KNOWN))
        .hasMessage("Date d'introduction : le 02/12/2026 est dans le futur. Indiquez la date à laquelle c'est "
            + "réellement arrivé (au plus tard aujourd'hui, 01/12/2026).");
    assertThatThrownBy(() -> FormDates.check(FILED, LocalDate.of(2026, 10, 4), KNOWN))
        .hasMessage("Date d'introduction : le 04/10/2026 est antérieur à l'ouverture du dossier (le 05/10/2026). "
            + "Vérifiez le jour, le mois et l'année (jj/mm/aaaa).");
  }

  @Test
  void the_us_reading_of_a_typed_date_is_caught_as_implausible() {
    // 01/12/2026 read month-first would be 12 January 2026: before the dossier was opened
    assertThatThrownBy(() -> FormDates.check(FILED, LocalDate.of(2026, 1, 12), KNOWN))
        .hasMessageContaining("antérieur à l'ouverture du dossier");
  }

  @Test
  void a_notification_cannot_come_before_the_filing() {
    Field notified = new Field("notifiedOn", "Date de notification", FormDates.kindOf("notifiedOn"));
    Known filed = new Known(TODAY, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 2));
    assertThatThrownBy(() -> FormDates.check(notified, LocalDate.of(2026, 11, 1), filed))
        .hasMessage("Date de notification : le 01/11/2026 est antérieur à l'introduction de la demande (le 02/11/2026).");
    assertThat(FormDates.check(notified, LocalDate.of(2026, 11, 2), filed)).isEqualTo(LocalDate.of(2026, 11, 2));
  }

  @Test
  void an_appointment_may_be_ahead_a_recall_must_be() {
    Field appointment = new Field("appointmentOn", "Rendez-vous", FormDates.kindOf("appointmentOn"));
    assertThat(FormDates.check(appointment, TODAY.plusMonths(3), KNOWN)).isEqualTo(TODAY.plusMonths(3));
    assertThatThrownBy(() -> FormDates.check(appointment, TODAY.plusYears(3), KNOWN)).hasMessageContaining("deux ans");
    Field recall = new Field("recallOn", "Recontacter le", FormDates.kindOf("recallOn"));
    assertThatThrownBy(() -> FormDates.check(recall, TODAY, KNOWN)).hasMessageContaining("n'est pas dans le futur");
    assertThat(FormDates.check(recall, TODAY.plusDays(1), KNOWN)).isEqualTo(TODAY.plusDays(1));
  }

  @Test
  void every_wrong_field_is_named_and_the_filing_of_the_same_form_counts() {
    Field notified = new Field("notifiedOn", "Date de notification", Kind.AFTER_FILING);
    Map<String, Object> values = new HashMap<>();
    values.put("filedOn", "20/11/2026");
    values.put("notifiedOn", "19/11/2026");
    assertThatThrownBy(() -> FormDates.checkAll(List.of(FILED, notified), values, KNOWN))
        .hasMessageContaining("Date de notification : le 19/11/2026 est antérieur à l'introduction de la demande (le 20/11/2026)");
    values.put("notifiedOn", "21/11/2026");
    assertThat(FormDates.checkAll(List.of(FILED, notified), values, KNOWN))
        .containsEntry("filedOn", LocalDate.of(2026, 11, 20)).containsEntry("notifiedOn", LocalDate.of(2026, 11, 21));
    values.put("filedOn", "32/11/2026");
    values.put("notifiedOn", "02/12/2026");
    assertThatThrownBy(() -> FormDates.checkAll(List.of(FILED, notified), values, KNOWN))
        .hasMessageContaining("« 32/11/2026 » n'est pas une date").hasMessageContaining("02/12/2026 est dans le futur");
  }
}
