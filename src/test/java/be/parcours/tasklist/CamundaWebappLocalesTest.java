package be.parcours.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasklist, Cockpit, Admin and the welcome page in French and Dutch: every key of the English
 * bundle packaged in this Camunda version's webjar has a real translation in ours, with the same
 * placeholders, and each app's config.js offers fr, nl, en with French as the fallback. An upgrade
 * of Camunda that adds keys fails here until they are translated.
 */
class CamundaWebappLocalesTest {

  static final String BASE = "META-INF/resources/webjars/camunda/app/";
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\w+\\s*\\}\\}|\\{\\}|<a [^>]*>|</?(strong|br)/?>");
  final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void every_english_key_is_translated_in_french_and_dutch(String app) throws IOException {
    JsonNode en = packagedEnglish(app);
    for (String lang : List.of("fr", "nl")) {
      JsonNode ours = ours(app, lang);
      List<String> missing = new ArrayList<>();
      List<String> copies = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = en.get("labels").fields(); it.hasNext();) {
        var e = it.next();
        JsonNode t = ours.path("labels").get(e.getKey());
        if (t == null || !t.isTextual() || (t.asText().isBlank() && !e.getValue().asText().isBlank())) {
          missing.add(e.getKey());
          continue;
        }
        assertThat(placeholders(t.asText())).as(app + " " + lang + " " + e.getKey())
            .isEqualTo(placeholders(e.getValue().asText()));
        if (t.asText().equals(e.getValue().asText()) && words(e.getValue().asText()) >= 3) {
          copies.add(e.getKey());
        }
      }
      assertThat(missing).as(app + "/locales/" + lang + ".json lacks keys of the packaged en.json").isEmpty();
      // real translations, not copies: only single words and names (Filter, Dashboard, Cockpit, ID…) may read the same
      assertThat(copies).as(app + " " + lang + ": sentences left in English").isEmpty();
      if (en.has("dateLocales")) {
        assertThat(ours.at("/dateLocales/longDateFormat/L").asText()).isEqualTo("DD/MM/YYYY");
        assertThat(ours.at("/dateLocales/months/11").asText()).isEqualTo(lang.equals("fr") ? "décembre" : "december");
        assertThat(ours.at("/dateLocales/week/dow").asInt()).isEqualTo(1);
      }
    }
    assertThat(ours(app, "fr").at("/labels/BANNER_CE_EOL_TEXT").asText()).startsWith("Il est temps de migrer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void french_first_dutch_and_english_available(String app) throws IOException {
    String config = read(ourResource(app, "scripts/config.js"));
    assertThat(config).contains("availableLocales: [\"fr\", \"nl\", \"en\"]").contains("fallbackLocale: \"fr\"");
    String css = read(ourResource(app, "styles/user-styles.css"));
    assertThat(css).contains(".ce-eol-banner {\n  display: none !important;");
  }

  /** Words of two letters or more, placeholders and markup left out. */
  private static long words(String s) {
    return java.util.Arrays.stream(PLACEHOLDER.matcher(s).replaceAll(" ").split("[^\\p{L}]+"))
        .filter(w -> w.length() >= 2).count();
  }

  private static List<String> placeholders(String s) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(s);
    while (m.find()) {
      found.add(m.group().replaceAll("\\s", ""));
    }
    java.util.Collections.sort(found);
    return found;
  }

  /** en.json from the Camunda webjar itself (our resources hold no en.json, so the jar's is the one served). */
  private JsonNode packagedEnglish(String app) throws IOException {
    var urls = getClass().getClassLoader().getResources(BASE + app + "/locales/en.json");
    URL jar = null;
    while (urls.hasMoreElements()) {
      URL u = urls.nextElement();
      if (u.getProtocol().equals("jar")) {
        jar = u;
      }
    }
    assertThat(jar).as("en.json of the Camunda webjar").isNotNull();
    try (InputStream in = jar.openStream()) {
      return mapper.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", ""));
    }
  }

  private JsonNode ours(String app, String lang) throws IOException {
    return mapper.readTree(read(ourResource(app, "locales/" + lang + ".json")));
  }

  private URL ourResource(String app, String path) {
    URL u = getClass().getClassLoader().getResource(BASE + app + "/" + path);
    assertThat(u).as(app + "/" + path).isNotNull();
    assertThat(u.getProtocol()).as(app + "/" + path + " comes from the application, before the webjar").isEqualTo("file");
    return u;
  }

  private static String read(URL u) throws IOException {
    try (InputStream in = u.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
