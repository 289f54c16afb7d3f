package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The criterion texts people read: every key in every language, labels instead of codes, Belgian amounts and dates. */
class EligibilityMessagesTest {

  static Properties bundle(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in = EligibilityMessagesTest.class.getResourceAsStream("/i18n/eligibility" + suffix + ".properties")) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  static Set<String> keysUsedByTheRules() throws IOException {
    Set<String> keys = new TreeSet<>();
    Pattern key = Pattern.compile("\"((?:fr|nat|visa|alert)\\.[A-Za-z.]+)\"");
    try (Stream<Path> files = Files.walk(Path.of("rules"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
        Matcher m = key.matcher(Files.readString(f));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    return keys;
  }

  @Test
  void every_key_of_the_rules_has_a_text_in_french_dutch_and_english_and_the_bundles_agree() throws IOException {
    Properties fr = bundle("");
    Properties nl = bundle("_nl");
    Properties en = bundle("_en");

    assertThat(keysUsedByTheRules()).hasSizeGreaterThan(60).allSatisfy(k -> {
      assertThat(fr).containsKey(k);
      assertThat(nl).containsKey(k);
      assertThat(en).containsKey(k);
    });
    assertThat(new TreeSet<>(nl.stringPropertyNames())).isEqualTo(new TreeSet<>(fr.stringPropertyNames()));
    assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(fr.stringPropertyNames()));
    for (String k : fr.stringPropertyNames()) {
      assertThat(placeholders(nl.getProperty(k))).as("placeholders of " + k + " (nl)").isEqualTo(placeholders(fr.getProperty(k)));
      assertThat(placeholders(en.getProperty(k))).as("placeholders of " + k + " (en)").isEqualTo(placeholders(fr.getProperty(k)));
    }
  }

  static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = Pattern.compile("\\{\\d}").matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]+)+\\b");
  static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** Every message of every scenario of every procedure, in one language. */
  static List<String> messagesOfAllScenarios(Locale locale) {
    List<String> messages = new ArrayList<>();
    PackagedRules.files().files().forEach((path, content) -> {
      String procedure = Scenarios.procedureOf(path);
      if (procedure == null) {
        return;
      }
      for (var row : Scenarios.rows(new String(content, StandardCharsets.UTF_8))) {
        Verdict v = RuleEngine.evaluate(PackagedRules.rules(), Scenarios.facts(procedure, row),
            LocalDate.parse(row.get("referenceDate")), locale);
        v.findings().forEach(f -> messages.add(f.criterion() + " [" + row.get("scenario") + "]: " + f.message()));
        if (v.missing() != null) {
          v.missing().forEach(m -> messages.add("missing [" + row.get("scenario") + "]: " + m));
        }
      }
    });
    return messages;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fr", "nl", "en"})
  void no_message_shows_a_code_a_missing_key_an_iso_date_or_a_raw_amount(String language) throws IOException {
    Locale locale = Locale.forLanguageTag(language);
    Set<String> enumCodes = new TreeSet<>();
    for (var values : List.of(FamilyReunificationFacts.Relationship.values(), FamilyReunificationFacts.SponsorKind.values(),
        FamilyReunificationFacts.EuResidenceBasis.values(), FamilyReunificationFacts.IncomeKind.values(),
        VisaFacts.Purpose.values(), NationalityFacts.SocialIntegration.values(), NationalityFacts.LanguageLevel.values())) {
      for (Enum<?> e : values) {
        if (e.name().length() > 3) {
          enumCodes.add(e.name());
        }
      }
    }
    Set<String> keys = keysUsedByTheRules();
    List<String> messages = messagesOfAllScenarios(locale);

    assertThat(messages).hasSizeGreaterThan(500).allSatisfy(m -> {
      String text = m.substring(m.indexOf("]: ") + 3);
      assertThat(CODE.matcher(text).find()).as("code in " + m).isFalse();
      assertThat(ISO_DATE.matcher(text).find()).as("ISO date in " + m).isFalse();
      assertThat(text).as(m).doesNotContain("{0}").doesNotContain("{1}");
      assertThat(keys).as("missing key: " + m).doesNotContain(text);
      assertThat(text).as(m).isNotEqualTo("noRule");
      for (String code : enumCodes) {
        assertThat(text).as("code " + code + " in " + m).doesNotContain(code);
      }
      if (language.equals("fr")) {
        assertThat(text).as(m).doesNotContainPattern("\\d\\.\\d\\d ?€");
      }
    });
  }

  @Test
  void amounts_and_dates_are_written_the_belgian_way_in_each_language() {
    BigDecimal amount = new BigDecimal("1900");
    assertThat(LegalFormats.amount(amount, Locale.FRENCH)).isEqualTo("1 900,00 €");
    assertThat(LegalFormats.amount(amount, Locale.forLanguageTag("nl"))).isEqualTo("€ 1.900,00");
    assertThat(LegalFormats.amount(amount, Locale.ENGLISH)).isEqualTo("€1,900.00");
    assertThat(LegalFormats.amount(new BigDecimal("2745.455"), Locale.FRENCH)).isEqualTo("2 745,46 €");
    assertThat(LegalFormats.amount(new BigDecimal("1234567.8"), Locale.forLanguageTag("nl"))).isEqualTo("€ 1.234.567,80");
    assertThat(LegalFormats.amount(new BigDecimal("12.5"), Locale.FRENCH)).isEqualTo("12,50 €");
    assertThat(LegalFormats.date(LocalDate.parse("2026-03-01"))).isEqualTo("01/03/2026");
    assertThat(LegalFormats.countryName("SN", Locale.FRENCH)).isEqualTo("Sénégal");
    assertThat(LegalFormats.countryName("MAR", Locale.forLanguageTag("nl"))).isEqualTo("Marokko");
  }

  @Test
  void a_finding_names_the_relationship_and_the_status_by_their_labels() {
    var facts = new FamilyReunificationFacts(
        new FamilyReunificationFacts.Sponsor(FamilyReunificationFacts.SponsorKind.REFUGEE,
            FamilyReunificationFacts.Residence.UNLIMITED, LocalDate.parse("2025-09-01"), null,
            EnumSet.of(FamilyReunificationFacts.IncomeKind.EMPLOYMENT), true, true, 2),
        new FamilyReunificationFacts.Applicant(FamilyReunificationFacts.Relationship.SPOUSE,
            LocalDate.parse("1990-01-01"), null, true, FamilyReunificationFacts.Location.ABROAD));

    Verdict fr = RuleEngine.familyReunification(PackagedRules.rules(), facts, LocalDate.parse("2025-10-01"), Locale.FRENCH);
    Verdict nl = RuleEngine.familyReunification(PackagedRules.rules(), facts, LocalDate.parse("2025-10-01"),
        Locale.forLanguageTag("nl"));

    assertThat(fr.findings().get(0).message()).isEqualTo("Le statut du regroupant (réfugié) permet le regroupement familial");
    assertThat(fr.findings().get(1).message()).isEqualTo("Lien familial reconnu (conjoint)");
    assertThat(nl.findings().get(1).message()).contains("echtgenoot").doesNotContain("SPOUSE");
  }
}
