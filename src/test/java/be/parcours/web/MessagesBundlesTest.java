package be.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The workplace speaks three languages: a key missing (or empty) in one of them fails the build. */
class MessagesBundlesTest {

  static final Path I18N = Path.of("src/main/resources/i18n");
  static final Path TEMPLATES = Path.of("src/main/resources/templates");

  static Properties load(String lang) throws IOException {
    var p = new Properties();
    try (Reader r = Files.newBufferedReader(I18N.resolve("messages_" + lang + ".properties"), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  @Test
  void french_dutch_and_english_have_the_same_keys_none_empty() throws IOException {
    var fr = load("fr");
    var nl = load("nl");
    var en = load("en");

    assertThat(fr).isNotEmpty();
    assertThat(nl.stringPropertyNames()).as("keys of messages_nl vs messages_fr")
        .containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
    assertThat(en.stringPropertyNames()).as("keys of messages_en vs messages_fr")
        .containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
    for (var bundle : java.util.List.of(fr, nl, en)) {
      assertThat(bundle.stringPropertyNames()).allSatisfy(k -> assertThat(bundle.getProperty(k)).as(k).isNotBlank());
    }
  }

  @Test
  void the_same_placeholders_in_every_language() throws IOException {
    var fr = load("fr");
    var nl = load("nl");
    var en = load("en");
    Pattern arg = Pattern.compile("\\{\\d+}");
    for (String key : fr.stringPropertyNames()) {
      Set<String> expected = args(arg, fr.getProperty(key));
      assertThat(args(arg, nl.getProperty(key))).as("nl " + key).isEqualTo(expected);
      assertThat(args(arg, en.getProperty(key))).as("en " + key).isEqualTo(expected);
    }
  }

  @Test
  void every_message_a_template_uses_exists() throws IOException {
    var fr = load("fr");
    // the French (default) bundles of features registered in spring.messages.basename (e.g. i18n/workbench)
    try (Stream<Path> bundles = Files.list(I18N)) {
      for (Path b : bundles.filter(p -> !p.getFileName().toString().matches(".*_(nl|en|fr)\\.properties|messages.*"))
          .toList()) {
        try (Reader r = Files.newBufferedReader(b, StandardCharsets.UTF_8)) {
          fr.load(r);
        }
      }
    }
    Pattern use = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = use.matcher(Files.readString(f));
        while (m.find()) {
          if (!fr.containsKey(m.group(1))) {
            missing.add(TEMPLATES.relativize(f) + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(missing).isEmpty();
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
