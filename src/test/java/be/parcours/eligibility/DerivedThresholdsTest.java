package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The income thresholds are computed by the rules from the index-linked base amounts legal staff
 * enter (rules/family-reunification/base-amounts.drl.csv); none is typed. This test fails when a
 * threshold the rules give disagrees with its base amount, or with the published figures.
 */
class DerivedThresholdsTest {

  static final List<LegalParameter> ROWS = LegalValues.of(PackagedRules.rules(), "family-reunification");

  static BigDecimal threshold(String sponsorKind, String statusGrantedOn, int household, LocalDate day) {
    var facts = new FamilyReunificationFacts(
        new FamilyReunificationFacts.Sponsor(FamilyReunificationFacts.SponsorKind.valueOf(sponsorKind),
            FamilyReunificationFacts.Residence.UNLIMITED, LocalDate.parse(statusGrantedOn), new BigDecimal("1000.00"),
            Set.of(FamilyReunificationFacts.IncomeKind.EMPLOYMENT), true, true, household),
        new FamilyReunificationFacts.Applicant(FamilyReunificationFacts.Relationship.SPOUSE,
            LocalDate.parse("1990-01-01"), null, true, FamilyReunificationFacts.Location.ABROAD));
    Verdict v = RuleEngine.familyReunification(PackagedRules.rules(), facts, day, Locale.FRENCH);
    return (BigDecimal) v.findings().get(4).details().get("threshold");
  }

  static BigDecimal percentOf(String percent, String base) {
    return new BigDecimal(base).multiply(new BigDecimal(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
  }

  @Test
  void no_threshold_is_typed_every_one_is_a_percentage_of_a_base_amount() {
    assertThat(ROWS).noneMatch(p -> p.getCode().equals("INCOME_THRESHOLD") || p.getCode().equals("INCOME_PER_EXTRA_PERSON"));
    assertThat(ROWS).filteredOn(p -> p.getCode().endsWith("_PERCENT")).isNotEmpty()
        .allSatisfy(p -> assertThat(ROWS).anyMatch(b -> b.getCode().equals(p.getBase())));
  }

  @Test
  void on_the_first_and_last_day_of_every_base_amount_the_rules_threshold_is_its_percentage() {
    int checked = 0;
    for (LegalParameter base : ROWS) {
      if (!base.getCode().equals("RIS_FAMILY_DEPENDENT") && !base.getCode().equals("RMMMG")) {
        continue;
      }
      for (LocalDate day : base.getValidUntil() == null ? List.of(base.getValidFrom())
          : List.of(base.getValidFrom(), base.getValidUntil())) {
        if (base.getCode().equals("RIS_FAMILY_DEPENDENT")) {
          // FR-2016: a sponsor whose status predates the reform, before the end of the transition; and a Belgian
          BigDecimal expected = percentOf("120", base.getValue());
          assertThat(threshold("THIRD_COUNTRY_NATIONAL", "2019-05-02", 2, day)).as("FR-2016 on " + day)
              .isEqualByComparingTo(expected);
          assertThat(threshold("BELGIAN", "2019-05-02", 2, day)).as("art. 40ter on " + day).isEqualByComparingTo(expected);
          checked++;
        } else if (!day.isBefore(LocalDate.parse("2025-08-18"))) {
          BigDecimal one = percentOf("110", base.getValue());
          BigDecimal extra = percentOf("10", base.getValue());
          assertThat(threshold("THIRD_COUNTRY_NATIONAL", "2025-09-01", 2, day.isBefore(LocalDate.parse("2025-09-01"))
              ? LocalDate.parse("2025-09-01") : day)).as("FR-2025 on " + day).isEqualByComparingTo(one);
          assertThat(threshold("THIRD_COUNTRY_NATIONAL", "2025-09-01", 5, day.isBefore(LocalDate.parse("2025-09-01"))
              ? LocalDate.parse("2025-09-01") : day)).as("FR-2025, 3 extra persons, on " + day)
              .isEqualByComparingTo(one.add(extra.multiply(BigDecimal.valueOf(3))));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
  }

  @ParameterizedTest(name = "{0}, {1} persons, on {2}: {3} €")
  @CsvSource({
      // published thresholds (law-sources.md, H): 120 % of the RIS "famille à charge"
      "THIRD_COUNTRY_NATIONAL, 2, 2023-01-01, 1969.00",
      "THIRD_COUNTRY_NATIONAL, 2, 2023-11-01, 2048.53",
      "THIRD_COUNTRY_NATIONAL, 2, 2024-05-01, 2089.55",
      "THIRD_COUNTRY_NATIONAL, 2, 2025-02-01, 2131.28",
      // FR-2025: 110 % of the RMMMG 2 111,89 (2025-08-18 reading); the minister's example, spouse + two children
      "NEW_SPONSOR, 2, 2025-09-15, 2323.08",
      "NEW_SPONSOR, 4, 2025-09-15, 2745.46",
      // the 2026 indexations (to confirm): RIS famille à charge 1 811,59, RMMMG 2 154,13 then + 35,70
      "THIRD_COUNTRY_NATIONAL, 2, 2026-03-01, 2173.91",
      "NEW_SPONSOR, 2, 2026-01-01, 2369.54",
      "NEW_SPONSOR, 2, 2026-04-01, 2408.81"})
  void the_published_figures_follow_from_the_base_amounts(String who, int household, LocalDate day, BigDecimal expected) {
    BigDecimal actual = who.equals("NEW_SPONSOR") ? threshold("THIRD_COUNTRY_NATIONAL", "2025-09-01", household, day)
        : threshold(who, "2019-05-02", household, day);
    assertThat(actual).isEqualByComparingTo(expected);
  }

  @Test
  void the_2026_indexations_are_to_confirm_and_send_the_file_to_review() {
    assertThat(LegalValues.find(ROWS, "RMMMG", LocalDate.parse("2026-12-01")).isToConfirm()).isTrue();
    assertThat(LegalValues.find(ROWS, "RIS_FAMILY_DEPENDENT", LocalDate.parse("2026-12-01")).isToConfirm()).isTrue();
    assertThat(LegalValues.find(ROWS, "RMMMG", LocalDate.parse("2025-09-15")).isToConfirm()).isFalse();
    var derived = LegalValues.derivedOn(ROWS, LocalDate.parse("2026-12-01"));
    assertThat(derived).filteredOn(d -> d.percentage().getCode().equals("INCOME_THRESHOLD_PERCENT"))
        .extracting(d -> d.amount().toPlainString() + " " + d.toConfirm())
        .containsExactlyInAnyOrder("2173.91 true", "2408.81 true");
  }
}
