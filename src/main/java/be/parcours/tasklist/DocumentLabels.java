package be.parcours.tasklist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * French labels of the document codes, from the documents catalogue ({@code rules/documents/catalogue.csv},
 * {@code code;fr;nl;en}, the dossier module's data). A code the catalogue lacks (or no catalogue) reads
 * as itself, so a form never shows nothing.
 */
final class DocumentLabels {

  static final String RESOURCE = "rules/documents/catalogue.csv";

  private final Map<String, String> french;

  private DocumentLabels(Map<String, String> french) {
    this.french = french;
  }

  static DocumentLabels load() {
    Map<String, String> labels = new LinkedHashMap<>();
    ClassPathResource resource = new ClassPathResource(RESOURCE);
    if (resource.exists()) {
      try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          String[] cells = line.replace("\uFEFF", "").split(";", -1);
          if (cells.length >= 2 && !cells[0].isBlank() && !"code".equals(cells[0].strip()) && !line.startsWith("#")) {
            labels.put(cells[0].strip(), cells[1].strip());
          }
        }
      } catch (IOException e) {
        // labels are a comfort: codes still say which document
      }
    }
    return new DocumentLabels(Map.copyOf(labels));
  }

  String label(String code) {
    return french.getOrDefault(code, code);
  }
}
