package be.parcours.dossier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Every document code a dossier's checklist may hold, with its label in French, Dutch and English.
 * Data, not code: {@code rules/documents/catalogue.csv} ({@code code;fr;nl;en}); the codes are those
 * the eligibility rules require ({@code require("PASSPORT", ...)}), a test checks none is missing.
 */
@Component
public class DocumentCatalogue {

  /** One document of the catalogue. */
  public record Entry(String code, Map<String, String> labels) {}

  static final String RESOURCE = "rules/documents/catalogue.csv";

  private final Map<String, Entry> entries;

  DocumentCatalogue() {
    this.entries = Collections.unmodifiableMap(read());
  }

  public List<Entry> all() {
    return List.copyOf(entries.values());
  }

  public boolean contains(String code) {
    return entries.containsKey(code);
  }

  public Optional<Entry> find(String code) {
    return Optional.ofNullable(entries.get(code));
  }

  /** The labels of a code; a code outside the catalogue (stored before it) is its own label. */
  public Map<String, String> labels(String code) {
    Entry e = entries.get(code);
    return e != null ? e.labels() : Map.of("fr", code, "nl", code, "en", code);
  }

  private static Map<String, Entry> read() {
    Map<String, Entry> result = new LinkedHashMap<>();
    try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = reader.readLine()) != null) {
        n++;
        line = line.replace("\uFEFF", "");
        if (n == 1 || line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split(";", -1);
        if (cells.length != 4 || !cells[0].strip().matches("[A-Z][A-Z0-9_]{1,59}")) {
          throw new IllegalStateException(RESOURCE + ":" + n + ": expected code;fr;nl;en with a code like PASSPORT");
        }
        List<String> labels = new ArrayList<>();
        for (int i = 1; i < 4; i++) {
          if (cells[i].isBlank()) {
            throw new IllegalStateException(RESOURCE + ":" + n + ": a label is empty");
          }
          labels.add(cells[i].strip());
        }
        String code = cells[0].strip();
        Map<String, String> byLanguage = new LinkedHashMap<>();
        byLanguage.put("fr", labels.get(0));
        byLanguage.put("nl", labels.get(1));
        byLanguage.put("en", labels.get(2));
        result.put(code, new Entry(code, Collections.unmodifiableMap(byLanguage)));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
    return result;
  }
}
