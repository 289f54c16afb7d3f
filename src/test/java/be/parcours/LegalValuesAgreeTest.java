package be.parcours;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A few legal periods live in two tables of rules/: the eligibility rules tell the person the
 * decision period (rules/visa), the clocks time the procedure (rules/clocks). When legal staff
 * change one, this test fails until the other says the same.
 */
class LegalValuesAgreeTest {

  @ParameterizedTest(name = "{0} (visa rules) = {1} (clocks)")
  @CsvSource({"VISA_C_DECISION_DAYS, VISA_C_DECISION", "VISA_C_MAX_DECISION_DAYS, VISA_C_DECISION_MAX",
      "VISA_D_DECISION_MONTHS, FR_DECISION_ART10",
      "VISA_D_FAMILY_OF_BELGIAN_EU_DECISION_MONTHS, FR_DECISION_FAMILY_OF_BELGIAN_EU"})
  void the_visa_rules_and_the_clocks_give_the_same_period(String ruleCode, String clockCode) throws IOException {
    Map<String, String> rules = currentValues(Path.of("rules/visa/legal-parameters.drl.csv"), 1, 4, 5);
    Map<String, String> clocks = currentValues(Path.of("rules/clocks/legal-deadlines.csv"), 0, 5, 1);

    assertThat(rules).containsKey(ruleCode);
    assertThat(clocks).containsKey(clockCode);
    assertThat(new BigDecimal(rules.get(ruleCode))).isEqualByComparingTo(new BigDecimal(clocks.get(clockCode)));
  }

  /** code → value of the rows still in force (no end of validity). */
  private static Map<String, String> currentValues(Path file, int code, int validUntil, int value) throws IOException {
    Map<String, String> values = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("#")) {
        continue;
      }
      List<String> r = cells(line);
      if (r.size() > Math.max(code, Math.max(validUntil, value)) && r.get(validUntil).isBlank()
          && r.get(code).matches("[A-Z0-9_]+")) {
        values.put(r.get(code), r.get(value).strip());
      }
    }
    return values;
  }

  /** One CSV line's cells (quoted cells may hold commas and doubled quotes). */
  static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
