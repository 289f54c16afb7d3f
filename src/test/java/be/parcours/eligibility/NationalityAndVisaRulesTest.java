package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.eligibility.NationalityFacts.LanguageLevel;
import be.parcours.eligibility.NationalityFacts.ResidenceCard;
import be.parcours.eligibility.NationalityFacts.SocialIntegration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Nationality (art. 12bis CNB) and visa rules from the packaged rules/, without Spring. */
class NationalityAndVisaRulesTest {

  static NationalityFacts worker(int daysWorked, LocalDate feePaidOn) {
    return new NationalityFacts(feePaidOn, new NationalityFacts.Person(LocalDate.parse("1985-06-14"), false, false,
        ResidenceCard.B, LocalDate.parse("2021-02-01"), LanguageLevel.A2, SocialIntegration.FIVE_YEARS_WORK,
        daysWorked, 0, 0, false, false, false));
  }

  static Verdict nationality(NationalityFacts facts, String day, Locale locale) {
    return RuleEngine.nationality(PackagedRules.rules(), facts, LocalDate.parse(day), locale);
  }

  @Test
  void a_declarant_short_of_stay_and_work_gets_the_nearest_path_and_the_days_still_missing() {
    Verdict v = nationality(worker(310, null), "2025-09-15", Locale.FRENCH);

    assertThat(v.procedure()).isEqualTo("nationality");
    assertThat(v.outcome()).isEqualTo("NOT_ELIGIBLE");
    assertThat(v.findings()).extracting(Verdict.FindingView::criterion).containsExactly("AGE", "RESIDENCE_RIGHT",
        "LEGAL_STAY", "LANGUAGE", "SOCIAL_INTEGRATION", "ECONOMIC_PARTICIPATION", "COMMUNITY_PARTICIPATION");
    var stay = v.findings().get(2);
    assertThat(stay.result()).isEqualTo("NOT_MET");
    assertThat(stay.details()).containsEntry("metFrom", "2026-02-01").containsEntry("daysMissing", 139L);
    var work = v.findings().get(5);
    assertThat(work.details()).containsEntry("daysMissing", 158).containsEntry("requiredDays", 468);
    assertThat(work.message()).startsWith("Participation économique : 310 jours sur 468 (il manque 158 jours)");
    assertThat(v.paths()).isEmpty();
    assertThat(v.nearestPath()).isEqualTo("12bis-1-2");
    assertThat(v.missing()).containsExactly("Séjour légal de moins de 5 ans : atteint le 01/02/2026 (il manque 139 jours)",
        "Participation économique : 310 jours sur 468 (il manque 158 jours), 0 trimestres d'indépendant sur 6");
    assertThat(v.fee()).isEqualByComparingTo("1000.00");
    assertThat(v.rulesVersion()).endsWith("#" + PackagedRules.files().contentHash());
  }

  @Test
  void the_same_declarant_once_stay_and_work_are_enough_is_eligible_by_12bis_1_2_with_the_documents() {
    Verdict v = nationality(worker(468, LocalDate.parse("2026-01-05")), "2026-02-01", Locale.ENGLISH);

    assertThat(v.outcome()).isEqualTo("ELIGIBLE");
    assertThat(v.paths()).containsExactly("12bis-1-2");
    assertThat(v.nearestPath()).isNull();
    assertThat(v.findings().get(5).message()).isEqualTo("Economic participation: 468 working days in the last 5 years (minimum 468)");
    assertThat(v.requiredDocuments()).contains("BIRTH_CERTIFICATE", "FEE_PAYMENT_PROOF", "LANGUAGE_PROOF",
        "SOCIAL_INTEGRATION_PROOF", "ECONOMIC_PARTICIPATION_PROOF").doesNotContain("MARRIAGE_CERTIFICATE");
    assertThat(v.feeToConfirm()).isTrue();
  }

  @Test
  void the_fee_follows_the_payment_date_not_the_reference_date() {
    assertThat(nationality(worker(900, LocalDate.parse("2025-07-28")), "2025-09-01", Locale.FRENCH).fee())
        .isEqualByComparingTo("150");
    assertThat(nationality(worker(900, LocalDate.parse("2025-07-29")), "2025-09-01", Locale.FRENCH).fee())
        .isEqualByComparingTo("1000");
  }

  @Test
  void nationality_messages_switch_to_dutch() {
    Verdict v = nationality(worker(310, null), "2025-09-15", Locale.forLanguageTag("nl"));

    assertThat(v.findings().get(5).message()).startsWith("Economische participatie: 310 dagen van 468 (nog 158 dagen)");
  }

  @Test
  void visa_c_fee_and_deadline_by_date_and_age() {
    var adult = new VisaFacts(VisaFacts.VisaType.C, VisaFacts.Purpose.FAMILY_VISIT,
        new VisaFacts.Applicant(LocalDate.parse("1952-04-18"), "SN"));

    Verdict before = RuleEngine.visa(PackagedRules.rules(), adult, LocalDate.parse("2024-06-10"), Locale.FRENCH);
    Verdict after = RuleEngine.visa(PackagedRules.rules(), adult, LocalDate.parse("2024-06-11"), Locale.FRENCH);

    assertThat(before.procedure()).isEqualTo("visa");
    assertThat(before.outcome()).isEqualTo("ELIGIBLE");
    assertThat(before.fee()).isEqualByComparingTo("80");
    assertThat(before.feeToConfirm()).isNull();
    assertThat(after.fee()).isEqualByComparingTo("90");
    assertThat(after.feeToConfirm()).as("the 2024 Schengen fees are confirmed").isNull();
    assertThat(after.decisionDeadlineDays()).isEqualTo(15);
    assertThat(after.findings()).extracting(Verdict.FindingView::criterion).containsExactly("PURPOSE", "APPLICANT");
    assertThat(after.requiredDocuments()).contains("PASSPORT", "TRAVEL_MEDICAL_INSURANCE",
        "INVITATION_OR_SPONSORSHIP_ANNEX_3BIS", "FEE_PAYMENT_PROOF").doesNotContain("PARENTAL_CONSENT");
  }

  @Test
  void visa_d_for_family_reunification_counts_nine_months_and_asks_civil_status_documents() {
    var child = new VisaFacts(VisaFacts.VisaType.D, VisaFacts.Purpose.FAMILY_REUNIFICATION,
        new VisaFacts.Applicant(LocalDate.parse("2015-01-01"), "cm"));

    Verdict v = RuleEngine.visa(PackagedRules.rules(), child, LocalDate.parse("2025-09-15"), Locale.ENGLISH);

    assertThat(v.outcome()).isEqualTo("ELIGIBLE");
    assertThat(v.decisionDeadlineDays()).isEqualTo(273);
    assertThat(v.fee()).isNull();
    assertThat(v.feeToConfirm()).isTrue();
    assertThat(v.findings().get(1).message()).isEqualTo("Applicant born on 01/01/2015 (aged 10), nationality Cameroon");
    assertThat(v.requiredDocuments()).contains("BIRTH_CERTIFICATE", "LEGALISATION_OR_APOSTILLE", "PARENTAL_CONSENT")
        .doesNotContain("CRIMINAL_RECORD_EXTRACT", "FEE_PAYMENT_PROOF");
  }

  @Test
  void visa_d_for_the_family_of_a_belgian_or_an_eu_citizen_is_decided_within_six_months() {
    var spouse = new VisaFacts(VisaFacts.VisaType.D, VisaFacts.Purpose.FAMILY_REUNIFICATION,
        new VisaFacts.Applicant(LocalDate.parse("1990-01-01"), "MA"), FamilyReunificationFacts.SponsorKind.BELGIAN);
    var euSpouse = new VisaFacts(VisaFacts.VisaType.D, VisaFacts.Purpose.FAMILY_REUNIFICATION,
        new VisaFacts.Applicant(LocalDate.parse("1990-01-01"), "MA"), FamilyReunificationFacts.SponsorKind.EU_CITIZEN);
    var art10 = new VisaFacts(VisaFacts.VisaType.D, VisaFacts.Purpose.FAMILY_REUNIFICATION,
        new VisaFacts.Applicant(LocalDate.parse("1990-01-01"), "MA"), FamilyReunificationFacts.SponsorKind.REFUGEE);
    LocalDate filed = LocalDate.parse("2025-09-15");

    assertThat(RuleEngine.visa(PackagedRules.rules(), spouse, filed, Locale.FRENCH).decisionDeadlineDays())
        .isEqualTo(181); // 15.03.2026
    assertThat(RuleEngine.visa(PackagedRules.rules(), euSpouse, filed, Locale.FRENCH).fee()).isEqualByComparingTo("0");
    assertThat(RuleEngine.visa(PackagedRules.rules(), art10, filed, Locale.FRENCH).decisionDeadlineDays()).isEqualTo(273);
  }

  @Test
  void nationality_outcome_from_paths_is_plain_java() {
    var met = new Finding("AGE", "MET", "k", new Object[0], "b", new java.util.HashMap<>(), false);
    var noCard = new Finding("RESIDENCE_RIGHT", "NOT_MET", "k", new Object[0], "b", new java.util.HashMap<>(), false);
    var open = new VerdictAssembler.PathStatus("12bis-1-2", "MET", java.util.List.of());
    var unknown = new VerdictAssembler.PathStatus("12bis-1-4", "UNKNOWN", java.util.List.of("x"));
    var closed = new VerdictAssembler.PathStatus("12bis-1-5", "NOT_MET", java.util.List.of("y"));

    assertThat(VerdictAssembler.nationalityOutcome(java.util.List.of(met), java.util.List.of(open, closed)))
        .isEqualTo("ELIGIBLE");
    assertThat(VerdictAssembler.nationalityOutcome(java.util.List.of(met, noCard), java.util.List.of(open)))
        .isEqualTo("NOT_ELIGIBLE");
    assertThat(VerdictAssembler.nationalityOutcome(java.util.List.of(met), java.util.List.of(unknown, closed)))
        .isEqualTo("NEEDS_REVIEW");
    assertThat(VerdictAssembler.nationalityOutcome(java.util.List.of(met), java.util.List.of(closed)))
        .isEqualTo("NOT_ELIGIBLE");
  }

  @Test
  void the_dossier_facts_json_of_each_procedure_is_evaluated_by_code() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
    String json = mapper.writeValueAsString(worker(980, null));

    Verdict v = RuleEngine.evaluate(PackagedRules.rules(), mapper.readValue(json, NationalityFacts.class),
        LocalDate.parse("2026-03-01"), Locale.FRENCH);

    assertThat(v.outcome()).isEqualTo("ELIGIBLE");
    assertThat(new BigDecimal("1000")).isEqualByComparingTo(v.fee());
  }
}
