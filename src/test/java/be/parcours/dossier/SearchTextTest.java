package be.parcours.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Names as the search compares them, and the document catalogue against the rules. */
class SearchTextTest {

  @Test
  void case_accents_and_separators_do_not_count() {
    assertThat(SearchText.key("Élodie", "Dupré")).isEqualTo("elodie dupre");
    assertThat(SearchText.key("  JEAN-Pierre ", "N'Diaye")).isEqualTo("jean pierre n diaye");
    assertThat(SearchText.key("Zoë", "Œrsted-Müller")).isEqualTo("zoe oersted muller");
    assertThat(SearchText.key("Łukasz", "Øster")).isEqualTo("lukasz oster");
    assertThat(SearchText.normalise("Ğül Şahin")).isEqualTo("gul sahin");
  }

  @Test
  void a_query_is_its_words_in_any_order() {
    assertThat(SearchText.words("haddad  Samira")).containsExactly("haddad", "samira");
    assertThat(SearchText.words("élodie dupré élodie")).containsExactly("elodie", "dupre");
    assertThat(SearchText.words("  ")).isEmpty();
    assertThat(SearchText.words("a b c d e fff")).hasSize(SearchText.MAX_WORDS).contains("fff");
    assertThat(SearchText.contains("50%_x\\")).isEqualTo("%50\\%\\_x\\\\%");
  }

  @Test
  void every_document_the_rules_can_require_has_labels_in_the_catalogue() throws IOException {
    Pattern require = Pattern.compile("require\\(([^)]*)\\)");
    Pattern code = Pattern.compile("\"([A-Z0-9_]+)\"");
    var required = new TreeSet<String>();
    try (Stream<Path> files = Files.walk(Path.of("rules"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
        var m = require.matcher(Files.readString(p));
        while (m.find()) {
          var c = code.matcher(m.group(1));
          while (c.find()) {
            required.add(c.group(1));
          }
        }
      }
    }
    DocumentCatalogue catalogue = new DocumentCatalogue();

    assertThat(required).hasSizeGreaterThan(20);
    assertThat(required).allSatisfy(c -> assertThat(catalogue.contains(c)).as(c).isTrue());
    assertThat(catalogue.all()).allSatisfy(e -> assertThat(e.labels()).containsOnlyKeys("fr", "nl", "en"));
    assertThat(catalogue.labels("PASSPORT")).containsEntry("fr", "Passeport").containsEntry("nl", "Paspoort");
  }
}
