package be.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.parcours.eligibility.FamilyReunificationFacts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The intake facts form read as a caseworker types it: Belgian amounts, jj/mm/aaaa, unknown left empty. */
class IntakeFactsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

  static IntakeFacts.Form euWorkerSpouse() {
    return new IntakeFacts.Form("EU_CITIZEN", "WORKER", "UNLIMITED", "05/01/2015", "2 400,50",
        List.of("EMPLOYMENT"), "true", "true", "2", "SPOUSE", "12/03/1990", "12/06/2012", "true", "ABROAD",
        "", "false");
  }

  @Test
  void a_complete_form_gives_the_facts_the_api_reads() throws Exception {
    var result = IntakeFacts.read(euWorkerSpouse(), TODAY, mapper);

    assertThat(result.errors()).isEmpty();
    var facts = mapper.treeToValue(result.facts(), FamilyReunificationFacts.class);
    assertThat(facts.sponsor().kind()).isEqualTo(FamilyReunificationFacts.SponsorKind.EU_CITIZEN);
    assertThat(facts.sponsor().euResidenceBasis()).isEqualTo(FamilyReunificationFacts.EuResidenceBasis.WORKER);
    assertThat(facts.sponsor().statusGrantedOn()).isEqualTo(LocalDate.of(2015, 1, 5));
    assertThat(facts.sponsor().monthlyNetIncome()).isEqualByComparingTo("2400.50");
    assertThat(facts.sponsor().incomeKinds()).containsExactly(FamilyReunificationFacts.IncomeKind.EMPLOYMENT);
    assertThat(facts.sponsor().householdSize()).isEqualTo(2);
    assertThat(facts.applicant().birthDate()).isEqualTo(LocalDate.of(1990, 3, 12));
    assertThat(facts.applicant().relationshipStartedOn()).isEqualTo(LocalDate.of(2012, 6, 12));
    assertThat(facts.applicant().dependent()).isNull(); // left empty: unknown
    assertThat(facts.applicant().commonMinorChild()).isFalse();
  }

  @Test
  void the_form_shows_again_what_is_recorded() {
    var result = IntakeFacts.read(euWorkerSpouse(), TODAY, mapper);

    var again = IntakeFacts.Form.of(result.facts());

    assertThat(again).isEqualTo(new IntakeFacts.Form("EU_CITIZEN", "WORKER", "UNLIMITED", "05/01/2015", "2400,50",
        List.of("EMPLOYMENT"), "true", "true", "2", "SPOUSE", "12/03/1990", "12/06/2012", "true", "ABROAD", "",
        "false"));
    assertThat(IntakeFacts.Form.of(null)).isEqualTo(IntakeFacts.Form.empty());
  }

  @Test
  void the_eu_residence_basis_is_kept_only_for_an_eu_citizen() {
    var f = euWorkerSpouse();
    var belgian = new IntakeFacts.Form("BELGIAN", "WORKER", f.residence(), f.statusGrantedOn(), f.monthlyNetIncome(),
        f.incomeKinds(), f.adequateHousing(), f.healthInsurance(), f.householdSize(), f.relationship(),
        f.applicantBirthDate(), f.relationshipStartedOn(), f.relationshipBeforeSponsorArrival(), f.location(),
        f.dependent(), f.commonMinorChild());

    var result = IntakeFacts.read(belgian, TODAY, mapper);

    assertThat(result.errors()).isEmpty();
    assertThat(result.facts().path("sponsor").has("euResidenceBasis")).isFalse();
  }

  @Test
  void amounts_are_read_the_belgian_way() {
    assertThat(IntakeFacts.parseAmount("2 400,50")).isEqualByComparingTo("2400.50");
    assertThat(IntakeFacts.parseAmount("2\u202F400,50 €")).isEqualByComparingTo("2400.50");
    assertThat(IntakeFacts.parseAmount("2.400,50")).isEqualByComparingTo("2400.50");
    assertThat(IntakeFacts.parseAmount("2.400")).isEqualByComparingTo("2400");
    assertThat(IntakeFacts.parseAmount("2400.5")).isEqualByComparingTo("2400.50");
    assertThat(IntakeFacts.parseAmount("1900")).isEqualByComparingTo(new BigDecimal("1900.00"));
    assertThat(IntakeFacts.parseAmount("")).isNull();
    assertThatThrownBy(() -> IntakeFacts.parseAmount("deux mille")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> IntakeFacts.parseAmount("2400,505")).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void amounts_are_read_in_the_language_of_the_page_and_an_ambiguous_one_is_refused() {
    java.util.Locale en = java.util.Locale.ENGLISH;
    java.util.Locale fr = java.util.Locale.FRENCH;
    java.util.Locale nl = java.util.Locale.forLanguageTag("nl");
    // English: a comma groups thousands, a point marks the cents
    assertThat(IntakeFacts.parseAmount("2,400", en)).isEqualByComparingTo("2400.00");
    assertThat(IntakeFacts.parseAmount("2,400.50", en)).isEqualByComparingTo("2400.50");
    assertThat(IntakeFacts.parseAmount("1,234,567.89", en)).isEqualByComparingTo("1234567.89");
    assertThat(IntakeFacts.parseAmount("2400.50", en)).isEqualByComparingTo("2400.50");
    assertThat(IntakeFacts.parseAmount("€2,400.50", en)).isEqualByComparingTo("2400.50");
    // French and Dutch: a comma marks the cents, a space or a point groups thousands
    assertThat(IntakeFacts.parseAmount("2 400,50", fr)).isEqualByComparingTo("2400.50");
    assertThat(IntakeFacts.parseAmount("2.400,50", nl)).isEqualByComparingTo("2400.50");
    assertThat(IntakeFacts.parseAmount("2.400", nl)).isEqualByComparingTo("2400.00");
    // both separators: the last one marks the cents, in every language
    assertThat(IntakeFacts.parseAmount("2,400.50", fr)).isEqualByComparingTo("2400.50");
    assertThat(IntakeFacts.parseAmount("2.400,50", en)).isEqualByComparingTo("2400.50");
    // one or two digits after the separator: the cents
    assertThat(IntakeFacts.parseAmount("2400,5", en)).isEqualByComparingTo("2400.50");
    // 2.4 or 2400? refused, with its own message
    assertThatThrownBy(() -> IntakeFacts.parseAmount("2,400", fr)).isInstanceOf(IntakeFacts.AmbiguousAmountException.class);
    assertThatThrownBy(() -> IntakeFacts.parseAmount("2.400", en)).isInstanceOf(IntakeFacts.AmbiguousAmountException.class);
    // groups of three digits only
    assertThatThrownBy(() -> IntakeFacts.parseAmount("24,00.50", en)).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> IntakeFacts.parseAmount("2.40.0,5", fr)).isInstanceOf(NumberFormatException.class);
    var f = euWorkerSpouse();
    var typed = new IntakeFacts.Form(f.sponsorKind(), f.euResidenceBasis(), f.residence(), f.statusGrantedOn(), "2,400",
        f.incomeKinds(), f.adequateHousing(), f.healthInsurance(), f.householdSize(), f.relationship(),
        f.applicantBirthDate(), f.relationshipStartedOn(), f.relationshipBeforeSponsorArrival(), f.location(),
        f.dependent(), f.commonMinorChild());
    assertThat(IntakeFacts.read(typed, TODAY, mapper, en).facts().path("sponsor").path("monthlyNetIncome").decimalValue())
        .isEqualByComparingTo("2400.00");
    assertThat(IntakeFacts.read(typed, TODAY, mapper, fr).errors())
        .containsEntry("monthlyNetIncome", "facts.error.income.ambiguous");
    // shown again as it is typed in the language
    var stored = IntakeFacts.read(typed, TODAY, mapper, en).facts();
    assertThat(IntakeFacts.Form.of(stored, en).monthlyNetIncome()).isEqualTo("2400.00");
    assertThat(IntakeFacts.Form.of(stored, fr).monthlyNetIncome()).isEqualTo("2400,00");
  }

  @Test
  void every_wrong_field_is_named_with_its_message_at_once() {
    var bad = new IntakeFacts.Form("", "", "SOMETIMES", "31/02/2020", "-100", List.of("LOTTERY"), "maybe", "", "0",
        "", "03/12/2026", "01/01/2030", "", "", "", "");

    var errors = IntakeFacts.read(bad, TODAY, mapper).errors();

    assertThat(errors).containsEntry("sponsorKind", "facts.error.sponsorKind")
        .containsEntry("residence", "facts.error.choice")
        .containsEntry("statusGrantedOn", "error.date.impossible")
        .containsEntry("monthlyNetIncome", "facts.error.income.negative")
        .containsEntry("incomeKinds", "facts.error.choice")
        .containsEntry("adequateHousing", "facts.error.choice")
        .containsEntry("householdSize", "facts.error.householdSize")
        .containsEntry("relationship", "facts.error.relationship")
        .containsEntry("applicantBirthDate", "facts.error.birthDate.future")
        .containsEntry("relationshipStartedOn", "facts.error.date.future");
  }

  @Test
  void a_relationship_cannot_start_before_the_applicant_was_born() {
    var f = euWorkerSpouse();
    var early = new IntakeFacts.Form(f.sponsorKind(), f.euResidenceBasis(), f.residence(), f.statusGrantedOn(),
        "abc", f.incomeKinds(), f.adequateHousing(), f.healthInsurance(), f.householdSize(), f.relationship(),
        "12/03/1990", "01/01/1989", f.relationshipBeforeSponsorArrival(), f.location(), f.dependent(),
        f.commonMinorChild());

    var errors = IntakeFacts.read(early, TODAY, mapper).errors();

    assertThat(errors).containsOnlyKeys("relationshipStartedOn", "monthlyNetIncome")
        .containsEntry("relationshipStartedOn", "facts.error.relationshipBeforeBirth")
        .containsEntry("monthlyNetIncome", "facts.error.income.format");
  }

  @Test
  void fields_named_by_the_api_map_to_the_form() {
    assertThat(IntakeFacts.formField("facts.sponsor.monthlyNetIncome")).isEqualTo("monthlyNetIncome");
    assertThat(IntakeFacts.formField("facts.sponsor.kind")).isEqualTo("sponsorKind");
    assertThat(IntakeFacts.formField("facts.applicant.birthDate")).isEqualTo("applicantBirthDate");
    assertThat(IntakeFacts.formField("facts.sponsor.incomeKinds[0]")).isEqualTo("incomeKinds");
    assertThat(IntakeFacts.formField("referent")).isNull();
  }

  @Test
  void a_change_of_the_facts_reads_in_the_history_as_one_line_per_fact_in_french() {
    var source = new org.springframework.context.support.ResourceBundleMessageSource();
    source.setBasenames("i18n/messages", "i18n/facts");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.FRENCH);
    try {
      var labels = new Labels(source);
      var before = "{\"sponsor\":{\"kind\":\"THIRD_COUNTRY_NATIONAL\",\"monthlyNetIncome\":1900.0,"
          + "\"adequateHousing\":true},\"applicant\":{\"relationship\":\"SPOUSE\",\"birthDate\":\"1990-03-12\"}}";
      var after = "{\"sponsor\":{\"kind\":\"EU_CITIZEN\",\"monthlyNetIncome\":2400.5,\"adequateHousing\":true,"
          + "\"incomeKinds\":[\"EMPLOYMENT\",\"PENSION\"]},\"applicant\":{\"relationship\":\"SPOUSE\","
          + "\"birthDate\":\"1991-03-12\"}}";
      var at = java.time.Instant.parse("2026-12-01T10:00:00Z");
      var history = List.of(new be.parcours.dossier.ChangeView(at, "demo-caseworker", "facts", before, after),
          new be.parcours.dossier.ChangeView(at, "demo-caseworker", "beneficiary.phone", null, "0470"));

      var lines = IntakeFacts.readableHistory(history, mapper, labels, new Formats());

      assertThat(lines).extracting(be.parcours.dossier.ChangeView::field).containsExactly("facts.sponsor.kind",
          "facts.sponsor.monthlyNetIncome", "facts.sponsor.incomeKinds", "facts.applicant.birthDate",
          "beneficiary.phone");
      assertThat(lines.get(0).oldValue()).isEqualTo("Ressortissant d’un pays tiers");
      assertThat(lines.get(0).newValue()).isEqualTo("Citoyen de l’Union européenne");
      assertThat(lines.get(1).newValue()).matches("2[\\s\\u00A0\\u202F]400,50[\\s\\u00A0\\u202F]€");
      assertThat(lines.get(2).oldValue()).isNull();
      assertThat(lines.get(2).newValue()).isEqualTo("emploi salarié, pension");
      assertThat(lines.get(3).oldValue()).isEqualTo("12/03/1990");
      assertThat(labels.label("history.field.", lines.get(0).field())).isEqualTo("Regroupant");
    } finally {
      org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
    }
  }
}
