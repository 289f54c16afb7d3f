package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.eligibility.RuleSetCompiler.CompiledRuleSet;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository's rules/ compiled as legal staff would load them, without Spring. */
class FamilyReunificationRulesTest {

  static RuleFiles files;
  static CompiledRuleSet rules;

  @BeforeAll
  static void compile() {
    files = PackagedRules.files();
    rules = PackagedRules.rules();
  }

  static FamilyReunificationFacts spouse(String income, int household) {
    return new FamilyReunificationFacts(
        new FamilyReunificationFacts.Sponsor(FamilyReunificationFacts.SponsorKind.THIRD_COUNTRY_NATIONAL,
            FamilyReunificationFacts.Residence.UNLIMITED, LocalDate.parse("2025-09-01"),
            income == null ? null : new BigDecimal(income), Set.of(FamilyReunificationFacts.IncomeKind.EMPLOYMENT),
            true, true, household),
        new FamilyReunificationFacts.Applicant(FamilyReunificationFacts.Relationship.SPOUSE,
            LocalDate.parse("1996-04-02"), LocalDate.parse("2021-06-12"), true, FamilyReunificationFacts.Location.ABROAD));
  }

  @Test
  void the_contract_example_gives_one_finding_per_criterion_with_message_basis_and_threshold() {
    Verdict v = RuleEngine.familyReunification(rules, spouse("2400.00", 2), LocalDate.parse("2025-09-15"), Locale.FRENCH);

    assertThat(v.procedure()).isEqualTo("family-reunification");
    assertThat(v.regime()).isEqualTo("FR-2025");
    assertThat(v.outcome()).isEqualTo("ELIGIBLE");
    assertThat(v.findings()).extracting(Verdict.FindingView::criterion).containsExactly("SPONSOR_STATUS",
        "RELATIONSHIP", "APPLICANT_AGE", "WAITING_PERIOD", "SPONSOR_INCOME", "HOUSING", "HEALTH_INSURANCE");
    var income = v.findings().get(4);
    assertThat(income.result()).isEqualTo("MET");
    assertThat(income.message()).isEqualTo("Revenus 2 400,00 € ≥ seuil 2 323,08 €");
    assertThat(v.legalBasis()).isEqualTo("art. 10 loi du 15.12.1980");
    assertThat(income.legalBasis()).contains("art. 10 §5");
    assertThat(income.details()).containsEntry("threshold", new BigDecimal("2323.08"));
    assertThat(v.requiredDocuments()).contains("PASSPORT", "MARRIAGE_OR_PARTNERSHIP_CERTIFICATE",
        "CRIMINAL_RECORD_EXTRACT", "SPONSOR_INCOME_PROOF_12_MONTHS").doesNotContain("OTHER_PARENT_CONSENT_OR_CUSTODY");
    assertThat(v.rulesVersion()).isEqualTo("2026-11-22T10:00:00Z#" + files.contentHash());
  }

  @Test
  void messages_follow_the_reader_language() {
    Verdict nl = RuleEngine.familyReunification(rules, spouse("2000.00", 2), LocalDate.parse("2025-09-15"),
        Locale.forLanguageTag("nl"));
    Verdict en = RuleEngine.familyReunification(rules, spouse("2000.00", 2), LocalDate.parse("2025-09-15"),
        Locale.ENGLISH);

    assertThat(nl.findings().get(4).message()).startsWith("Inkomen € 2.000,00 < drempel € 2.323,08");
    assertThat(en.findings().get(4).message()).startsWith("Income €2,000.00 < threshold €2,323.08");
    assertThat(en.outcome()).isEqualTo("NEEDS_REVIEW");
  }

  @Test
  void a_waiting_period_not_met_gives_the_date_from_which_it_is() {
    var facts = new FamilyReunificationFacts(
        new FamilyReunificationFacts.Sponsor(FamilyReunificationFacts.SponsorKind.SUBSIDIARY_PROTECTION,
            FamilyReunificationFacts.Residence.UNLIMITED, LocalDate.parse("2025-09-01"), new BigDecimal("2500"),
            Set.of(FamilyReunificationFacts.IncomeKind.EMPLOYMENT), true, true, 2),
        spouse("1", 2).applicant());

    Verdict v = RuleEngine.familyReunification(rules, facts, LocalDate.parse("2026-01-10"), Locale.FRENCH);

    assertThat(v.outcome()).isEqualTo("NOT_ELIGIBLE");
    assertThat(v.findings().get(3).details()).containsEntry("metFrom", "2027-09-01");
  }

  @Test
  void outcome_assembly_is_plain_arithmetic_of_findings() {
    var met = new Finding("SPONSOR_STATUS", "MET", "k", new Object[0], "b", new java.util.HashMap<>(), false);
    var hardFail = new Finding("RELATIONSHIP", "NOT_MET", "k", new Object[0], "b", new java.util.HashMap<>(), false);
    var hardToConfirm = new Finding("APPLICANT_AGE", "NOT_MET", "k", new Object[0], "b", new java.util.HashMap<>(), true);
    var incomeShort = new Finding("SPONSOR_INCOME", "NOT_MET", "k", new Object[0], "b", new java.util.HashMap<>(), false);

    assertThat(VerdictAssembler.outcome(java.util.List.of(met), VerdictAssembler.FR_HARD, false)).isEqualTo("ELIGIBLE");
    assertThat(VerdictAssembler.outcome(java.util.List.of(met, hardFail), VerdictAssembler.FR_HARD, false))
        .isEqualTo("NOT_ELIGIBLE");
    assertThat(VerdictAssembler.outcome(java.util.List.of(met, hardToConfirm), VerdictAssembler.FR_HARD, false))
        .isEqualTo("NEEDS_REVIEW");
    assertThat(VerdictAssembler.outcome(java.util.List.of(met, incomeShort), VerdictAssembler.FR_HARD, false))
        .isEqualTo("NEEDS_REVIEW");
    assertThat(VerdictAssembler.outcome(java.util.List.of(met), VerdictAssembler.FR_HARD, true)).isEqualTo("NEEDS_REVIEW");
    assertThat(VerdictAssembler.perCriterion(java.util.List.of(met), VerdictAssembler.FR_CRITERIA))
        .hasSize(7).filteredOn(f -> f.criterion().equals("HOUSING")).extracting(Finding::result).containsExactly("UNKNOWN");
  }
}
