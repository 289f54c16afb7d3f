package be.parcours.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Camunda Forms of the procedures ({@code processes/forms/*.form}, on the classpath under
 * {@code forms/}), read once: which fields of which form hold a date. A date field is a text field
 * whose key ends with {@code On} (the forms' convention: {@code filedOn}, {@code remindedOn}…), or
 * any field with the custom property {@code "parcoursDate"} (its value a {@link FormDates.Kind},
 * lower or upper case), which also sets the kind.
 */
public final class TaskForms {

  static final String PATTERN = "classpath*:forms/*.form";
  static final String DATE_PROPERTY = "parcoursDate";

  private final Map<String, List<FormDates.Field>> dateFields;

  private TaskForms(Map<String, List<FormDates.Field>> dateFields) {
    this.dateFields = Collections.unmodifiableMap(dateFields);
  }

  public static TaskForms load() {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, List<FormDates.Field>> byForm = new LinkedHashMap<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources(PATTERN)) {
        try (InputStream in = r.getInputStream()) {
          JsonNode form = mapper.readTree(in);
          byForm.put(form.path("id").asText(), dateFields(form));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Camunda Forms unreadable: " + e.getMessage(), e);
    }
    return new TaskForms(byForm);
  }

  static List<FormDates.Field> dateFields(JsonNode form) {
    List<FormDates.Field> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    return List.copyOf(fields);
  }

  private static void collect(JsonNode components, List<FormDates.Field> into) {
    for (JsonNode c : components) {
      String key = c.path("key").asText("");
      String declared = c.path("properties").path(DATE_PROPERTY).asText("");
      boolean date = !declared.isEmpty() || "datetime".equals(c.path("type").asText())
          || ("textfield".equals(c.path("type").asText()) && key.endsWith("On") && !c.path("readonly").asBoolean());
      if (date && !key.isEmpty()) {
        String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText(key);
        FormDates.Kind kind = declared.isEmpty() ? FormDates.kindOf(key)
            : FormDates.Kind.valueOf(declared.toUpperCase(Locale.ROOT));
        into.add(new FormDates.Field(key, label, kind));
      }
      if (c.has("components")) {
        collect(c.get("components"), into);
      }
    }
  }

  /** The date fields of a form (by its id, e.g. {@code Form_FileApplication}); none if unknown. */
  public List<FormDates.Field> dateFields(String formId) {
    return dateFields.getOrDefault(formId, List.of());
  }

  public Map<String, List<FormDates.Field>> all() {
    return dateFields;
  }
}
