package be.parcours.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Camunda Forms of the procedures (processes/forms/*.form), as Tasklist shows them. */
class TaskFormsTest {

  static final Path FORMS = Path.of("processes", "forms");
  final ObjectMapper mapper = new ObjectMapper();

  List<JsonNode> forms() throws IOException {
    List<JsonNode> forms = new ArrayList<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        forms.add(mapper.readTree(p.toFile()));
      }
    }
    assertThat(forms).hasSizeGreaterThan(20);
    return forms;
  }

  @Test
  void no_form_uses_the_browser_locale_date_picker_and_every_date_says_jj_mm_aaaa() throws IOException {
    for (JsonNode form : forms()) {
      for (JsonNode c : form.get("components")) {
        assertThat(c.path("type").asText()).as(form.get("id") + " " + c.path("key")).isNotEqualTo("datetime");
      }
    }
    TaskForms forms = TaskForms.load();
    assertThat(forms.dateFields("Form_FileApplication")).extracting(FormDates.Field::key).containsExactly("filedOn");
    assertThat(forms.dateFields("Form_FileApplication").get(0).label())
        .isEqualTo("Date d'introduction (annexe 15bis / 19ter / 15quinquies)");
    assertThat(forms.dateFields("Form_NationalityNotEligible").get(0).kind()).isEqualTo(FormDates.Kind.FUTURE);
    assertThat(forms.dateFields("Form_CollectVisa")).extracting(FormDates.Field::key)
        .containsExactly("visaCollectedOn", "visaValidUntil");
    int dateFields = 0;
    for (JsonNode form : forms()) {
      for (FormDates.Field f : forms.dateFields(form.get("id").asText())) {
        dateFields++;
        JsonNode c = component(form, f.key());
        assertThat(c.path("description").asText()).as(f.key()).contains("jj/mm/aaaa");
      }
    }
    assertThat(dateFields).isGreaterThanOrEqualTo(14);
  }

  @Test
  void every_form_links_to_the_live_dossier_and_shows_the_context_fields() throws IOException {
    for (JsonNode form : forms()) {
      String text = form.toString();
      assertThat(text).as(form.get("id").asText()).contains("[Ouvrir le dossier](/dossiers/{{dossierId}})");
      for (String key : List.of("beneficiaryName", "eligibilitySummary", "missingDocuments", "nextDeadline")) {
        assertThat(component(form, key)).as(form.get("id") + " " + key).isNotNull();
        assertThat(component(form, key).path("readonly").asBoolean()).isTrue();
      }
    }
  }

  private static JsonNode component(JsonNode form, String key) {
    for (JsonNode c : form.get("components")) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
    }
    return null;
  }
}
