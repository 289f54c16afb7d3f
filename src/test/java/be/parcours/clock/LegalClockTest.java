package be.parcours.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The law's calendar on known dates, read from the repository's rules/clocks tables. */
class LegalClockTest {

  static final List<OfficeCalendar.Closure> CLOSURES = List.of(
      new OfficeCalendar.Closure(LocalDate.parse("2026-07-27"), LocalDate.parse("2026-07-31")),
      new OfficeCalendar.Closure(LocalDate.parse("2026-12-24"), LocalDate.parse("2027-01-01")));

  final LegalClock clock = ClockConfiguration.fromClasspath(CLOSURES);
  final OfficeCalendar calendar = new OfficeCalendar(
      BelgianHolidays.fromRows(ClockConfiguration.table(null, "clocks/public-holidays.csv")), CLOSURES);

  LegalClockTest() throws Exception {}

  @ParameterizedTest
  @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2038, 2038-04-25"})
  void easter_is_computed(int year, LocalDate easter) {
    assertThat(BelgianHolidays.easterSunday(year)).isEqualTo(easter);
  }

  @Test
  void the_ten_public_holidays_of_2026() {
    var holidays = BelgianHolidays.fromRows(List.of());
    assertThat(holidays.of(2026)).isEmpty();
    assertThat(new OfficeCalendar(
        BelgianHolidays.fromRows(rows()), List.of()).isLegalWorkingDay(LocalDate.parse("2026-04-06"))).isFalse();
    assertThat(BelgianHolidays.fromRows(rows()).of(2026)).containsExactlyInAnyOrder(
        LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-06"), LocalDate.parse("2026-05-01"),
        LocalDate.parse("2026-05-14"), LocalDate.parse("2026-05-25"), LocalDate.parse("2026-07-21"),
        LocalDate.parse("2026-08-15"), LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-11"),
        LocalDate.parse("2026-12-25"));
  }

  private static List<java.util.Map<String, String>> rows() {
    try {
      return ClockConfiguration.table(null, "clocks/public-holidays.csv");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "notified {0} → appeal until {1}")
  @CsvSource({
      "2026-05-04, 2026-06-03",  // an ordinary Wednesday
      "2026-06-21, 2026-07-22",  // day 30 is 21 July (national day): next working day
      "2026-11-25, 2026-12-28",  // day 30 is Christmas (Friday): Saturday, Sunday, then Monday 28
      "2026-03-07, 2026-04-07",  // day 30 is Easter Monday
      "2026-12-03, 2027-01-04",  // across the year end: 2 January 2027 is a Saturday
      "2026-07-01, 2026-07-31"}) // office closure week: the law does not care
  void the_appeal_deadline_to_the_cce_moves_to_the_next_working_day(LocalDate notified, LocalDate expected) {
    var deadline = clock.deadline("APPEAL_CCE", notified);

    assertThat(deadline.dueOn()).isEqualTo(expected);
    assertThat(deadline.legalBasis()).contains("39/57");
  }

  @Test
  void the_decision_clock_counts_months_and_its_two_extensions_of_three_months() {
    LocalDate filed = LocalDate.parse("2026-01-31");

    assertThat(clock.deadline("FR_DECISION_ART10", filed).dueOn()).isEqualTo("2026-10-31");
    assertThat(clock.deadline("FR_DECISION_ART10", filed, 1, "FR_DECISION_EXTENSION").dueOn()).isEqualTo("2027-01-31");
    assertThat(clock.deadline("FR_DECISION_ART10", filed, 2, "FR_DECISION_EXTENSION").dueOn()).isEqualTo("2027-04-30");
    assertThatThrownBy(() -> clock.deadline("FR_DECISION_ART10", filed, 3, "FR_DECISION_EXTENSION"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.deadline("FR_DECISION_FAMILY_OF_BELGIAN_EU", filed).dueOn()).isEqualTo("2026-07-31");
    assertThat(clock.deadline("FR_DECISION_LONG_TERM", filed).dueOn()).isEqualTo("2026-05-31");
  }

  @Test
  void a_long_term_or_blue_card_sponsor_gets_four_months_extended_once() {
    LocalDate filed = LocalDate.parse("2026-01-31");

    assertThat(clock.maxExtensions("FR_DECISION_LONG_TERM", filed)).isEqualTo(1);
    assertThat(clock.deadline("FR_DECISION_LONG_TERM", filed, 1, "FR_DECISION_EXTENSION").dueOn())
        .isEqualTo("2026-08-31");
    assertThatThrownBy(() -> clock.deadline("FR_DECISION_LONG_TERM", filed, 2, "FR_DECISION_EXTENSION"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.maxExtensions("FR_DECISION_FAMILY_OF_BELGIAN_EU", filed)).isZero();
  }

  @ParameterizedTest(name = "{0} notified {1} → {2}")
  @CsvSource({
      "VISA_D_COLLECTION, 2026-08-31, 2027-02-28",  // no 31 February: the last day of the month
      "VISA_D_COLLECTION, 2026-01-21, 2026-07-21",  // months are calendar months, holidays do not move it
      "FAVOUR_REVIEW, 2026-11-30, 2027-02-28",
      "FAVOUR_REVIEW, 2027-12-24, 2028-03-24"})
  void month_periods_end_on_the_same_day_of_the_month_or_the_last_one(String code, LocalDate from, LocalDate due) {
    assertThat(clock.deadline(code, from).dueOn()).isEqualTo(due);
  }

  @Test
  void office_reminders_skip_easter_monday_and_the_year_end_closure() {
    ZoneId brussels = ZoneId.of("Europe/Brussels");
    var businessCalendar = new WorkingDaysBusinessCalendar(calendar, new DurationBusinessCalendar(), brussels);
    Date thursdayBeforeEaster = Date.from(LocalDateTime.parse("2026-04-02T09:00").atZone(brussels).toInstant());
    Date beforeChristmas = Date.from(LocalDateTime.parse("2026-12-18T09:00").atZone(brussels).toInstant());

    // Fri 3 April (Good Friday is no Belgian holiday), Mon 6 (Easter Monday) skipped, Tue 7
    assertThat(businessCalendar.resolveDuedate("P2D", thursdayBeforeEaster).toInstant().atZone(brussels)
        .toLocalDate()).isEqualTo("2026-04-07");
    // Mon 21, Tue 22, Wed 23, then closed 24 Dec – 1 Jan (and weekends): Mon 4, Tue 5 January
    assertThat(businessCalendar.resolveDuedate("P5D", beforeChristmas).toInstant().atZone(brussels)
        .toLocalDate()).isEqualTo("2027-01-05");
  }

  @Test
  void working_day_periods_skip_weekends_and_public_holidays_but_not_closures() {
    // Tue 2026-12-01 + 5 working days: 2, 3, 4, 7, 8 December
    assertThat(clock.deadline("NATIONALITY_TRANSMISSION", LocalDate.parse("2026-12-01")).dueOn())
        .isEqualTo("2026-12-08");
    // Thu 2026-05-12 + 5: 13, (14 Ascension), 15, 18, 19, 20
    assertThat(clock.deadline("NATIONALITY_TRANSMISSION", LocalDate.parse("2026-05-12")).dueOn())
        .isEqualTo("2026-05-20");
  }

  @Test
  void office_days_also_skip_the_organisation_closures() {
    assertThat(calendar.plusOfficeDays(LocalDate.parse("2026-07-24"), 1)).isEqualTo("2026-08-03");
    assertThat(calendar.plusOfficeDays(LocalDate.parse("2026-12-23"), 2)).isEqualTo("2027-01-05");
    assertThat(calendar.plusOfficeDays(LocalDate.parse("2026-04-03"), 1)).isEqualTo("2026-04-07");
  }

  @Test
  void a_period_not_in_force_is_an_error_not_a_default() {
    assertThatThrownBy(() -> clock.deadline("APPEAL_CCE", LocalDate.parse("1990-01-01")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("legal-deadlines.csv");
  }

  @Test
  void the_business_calendar_reads_p_n_d_as_office_days_and_leaves_the_rest_to_camunda() {
    ZoneId brussels = ZoneId.of("Europe/Brussels");
    var businessCalendar = new WorkingDaysBusinessCalendar(calendar, new DurationBusinessCalendar(), brussels);
    Date friday = Date.from(LocalDateTime.parse("2026-07-24T10:00").atZone(brussels).toInstant());

    Date twoDays = businessCalendar.resolveDuedate("P2D", friday);
    Date twoHours = businessCalendar.resolveDuedate("PT2H", friday);

    assertThat(twoDays.toInstant().atZone(brussels).toLocalDateTime()).isEqualTo("2026-08-04T10:00");
    assertThat(twoHours.toInstant().atZone(brussels).toLocalDateTime()).isEqualTo("2026-07-24T12:00");
  }
}
