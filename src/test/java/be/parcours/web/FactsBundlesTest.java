package be.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.eligibility.FamilyReunificationFacts;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The intake facts' own bundle (i18n/facts: French default, Dutch, English): same keys, a label for every code. */
class FactsBundlesTest {

  static Properties load(String file) throws IOException {
    var p = new Properties();
    try (Reader r = Files.newBufferedReader(MessagesBundlesTest.I18N.resolve(file), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  @Test
  void french_dutch_and_english_have_the_same_keys_and_placeholders_none_empty() throws IOException {
    var fr = load("facts.properties");
    var nl = load("facts_nl.properties");
    var en = load("facts_en.properties");

    assertThat(nl.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
    assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
    Pattern arg = Pattern.compile("\\{\\d+}");
    for (String key : fr.stringPropertyNames()) {
      for (var bundle : List.of(fr, nl, en)) {
        assertThat(bundle.getProperty(key)).as(key).isNotBlank();
        assertThat(args(arg, bundle.getProperty(key))).as(key).isEqualTo(args(arg, fr.getProperty(key)));
      }
    }
  }

  @Test
  void every_code_the_form_offers_has_a_french_label() throws IOException {
    var fr = load("facts.properties");
    var o = IntakeFacts.Options.INSTANCE;
    assertThat(o.sponsorKinds()).hasSize(FamilyReunificationFacts.SponsorKind.values().length)
        .allSatisfy(k -> assertThat(fr).containsKey("facts.sponsorKind." + k));
    assertThat(o.euResidenceBases()).allSatisfy(k -> assertThat(fr).containsKey("facts.euResidenceBasis." + k));
    assertThat(o.residences()).allSatisfy(k -> assertThat(fr).containsKey("facts.residence." + k));
    assertThat(o.incomeKinds()).allSatisfy(k -> assertThat(fr).containsKey("facts.incomeKind." + k));
    assertThat(o.relationships()).contains("ASCENDANT")
        .allSatisfy(k -> assertThat(fr).containsKey("facts.relationship." + k));
    assertThat(o.locations()).allSatisfy(k -> assertThat(fr).containsKey("facts.location." + k));
  }

  private static Set<String> args(Pattern p, String s) {
    Set<String> found = new TreeSet<>();
    Matcher m = p.matcher(s);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
