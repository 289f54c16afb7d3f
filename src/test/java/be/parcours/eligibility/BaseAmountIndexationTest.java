package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.parcours.shared.InvalidInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** An indexation typed in the workbench page closes the amount in force and adds the new one; the thresholds follow. */
class BaseAmountIndexationTest {

  static final String BASE = "family-reunification/base-amounts.drl.csv";
  static final String PARAMS = "family-reunification/legal-parameters.drl.csv";

  static Map<String, String> packaged() throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (String p : List.of(BASE, PARAMS)) {
      files.put(p, Files.readString(Path.of("rules", p)));
    }
    return files;
  }

  static Map<String, String> form(String... kv) {
    Map<String, String> form = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      form.put(kv[i], kv[i + 1]);
    }
    return form;
  }

  @Test
  void the_rmmmg_in_force_is_closed_the_day_before_and_the_new_amount_starts_with_its_source() throws IOException {
    var ix = BaseAmountIndexation.read(form("ix_code", "RMMMG", "ix_amount", "2 233,63", "ix_from", "01/01/2027",
        "ix_source", "Moniteur belge 15.12.2026", "ix_confirm", "oui"));
    String text = BaseAmountIndexation.apply(BASE, packaged().get(BASE), ix);

    assertThat(text).contains(",RMMMG,*,2026-04-01,2026-12-31,2189.83,")
        .contains("RMMMG au 1er janvier 2027 (indexation ; à confirmer),RMMMG,*,2027-01-01,,2233.63,"
            + "CCT n° 43 du Conseil national du travail (RMMMG),Moniteur belge 15.12.2026,oui,oui,1000");
    var table = ParameterTables.read(BASE, text);
    assertThat(ParameterTables.check(table)).isEmpty();
    // the new row follows the RMMMG rows; the RIS rows are untouched
    assertThat(table.rows().get(table.rows().size() - 1).get("Valable du")).isEqualTo("2027-01-01");
    assertThat(text).contains(",RIS_FAMILY_DEPENDENT,*,2026-03-01,,1811.59,");
  }

  @Test
  void the_page_sends_every_row_back_as_shown_and_the_indexation_still_closes_the_row_in_force() throws IOException {
    String text = packaged().get(BASE);
    var table = ParameterTables.read(BASE, text);
    Map<String, String> form = form("ix_code", "RMMMG", "ix_amount", "2 233,63", "ix_from", "01/01/2027",
        "ix_source", "Moniteur belge");
    for (var r : table.rows()) { // what the browser sends: the cells as the page shows them (01/04/2026, 2189,83)
      for (String title : RulesPageController.EDITABLE) {
        form.put("br" + r.line() + "_" + table.column(title), RulesPageController.show(r.get(title)));
      }
    }
    String edited = RulesPageController.editedTable(BASE, text, form, "b");
    assertThat(edited).isEqualTo(text); // nothing changed by the round trip

    var files = new TreeMap<>(packaged());
    files.put(BASE, BaseAmountIndexation.apply(BASE, edited, BaseAmountIndexation.read(form)));
    assertThat(files.get(BASE)).contains(",RMMMG,*,2026-04-01,2026-12-31,2189.83,");
    var rows = ThresholdPreview.rows(files, "family-reunification");
    var lines = ThresholdPreview.lines(rows, rows, List.of(LocalDate.of(2027, 1, 1)));
    assertThat(line(lines, LocalDate.of(2027, 1, 1), "INCOME_THRESHOLD_PERCENT", "FR-2025").after())
        .isEqualByComparingTo("2456.99");
  }

  @Test
  void the_preview_gives_the_thresholds_the_rules_compute_before_and_after() throws IOException {
    Map<String, String> before = packaged();
    Map<String, String> after = new TreeMap<>(before);
    after.put(BASE, BaseAmountIndexation.apply(BASE, before.get(BASE), BaseAmountIndexation.read(form(
        "ix_code", "RMMMG", "ix_amount", "2233,63", "ix_from", "2027-01-01", "ix_source", "CNT"))));
    var rowsBefore = ThresholdPreview.rows(before, "family-reunification");
    var rowsAfter = ThresholdPreview.rows(after, "family-reunification");
    LocalDate today = LocalDate.of(2026, 12, 2);
    List<LocalDate> days = ThresholdPreview.days(rowsBefore, rowsAfter, today);
    assertThat(days).containsExactly(today, LocalDate.of(2027, 1, 1));

    var lines = ThresholdPreview.lines(rowsBefore, rowsAfter, days);
    var fr2025 = line(lines, LocalDate.of(2027, 1, 1), "INCOME_THRESHOLD_PERCENT", "FR-2025");
    assertThat(fr2025.before()).isEqualByComparingTo("2408.81"); // 110 % × 2 189,83
    assertThat(fr2025.after()).isEqualByComparingTo("2456.99"); // 110 % × 2 233,63
    assertThat(fr2025.changed()).isTrue();
    assertThat(fr2025.toConfirm()).isFalse(); // the new amount was not marked "à confirmer"
    assertThat(line(lines, LocalDate.of(2027, 1, 1), "INCOME_PER_EXTRA_PERSON_PERCENT", "FR-2025").after())
        .isEqualByComparingTo("223.36");
    assertThat(line(lines, LocalDate.of(2027, 1, 1), ThresholdPreview.EXAMPLE_HOUSEHOLD, "FR-2025").after())
        .isEqualByComparingTo("2903.71");
    var fr2016 = line(lines, LocalDate.of(2027, 1, 1), "INCOME_THRESHOLD_PERCENT", "FR-2016");
    assertThat(fr2016.changed()).isFalse();
    assertThat(fr2016.after()).isEqualByComparingTo(new BigDecimal("1811.59").multiply(new BigDecimal("1.2"))
        .setScale(2, java.math.RoundingMode.HALF_UP));
    assertThat(line(lines, today, "INCOME_THRESHOLD_PERCENT", "FR-2025").changed()).isFalse();
  }

  @Test
  void the_ministers_example_comes_out_of_the_2025_rmmmg() throws IOException {
    var rows = ThresholdPreview.rows(packaged(), "family-reunification");
    var lines = ThresholdPreview.lines(rows, rows, List.of(LocalDate.of(2025, 8, 18)));

    assertThat(line(lines, LocalDate.of(2025, 8, 18), "INCOME_THRESHOLD_PERCENT", "FR-2025").after())
        .isEqualByComparingTo("2323.08");
    assertThat(line(lines, LocalDate.of(2025, 8, 18), ThresholdPreview.EXAMPLE_HOUSEHOLD, "FR-2025").after())
        .isEqualByComparingTo("2745.46");
  }

  @Test
  void wrong_entries_are_refused_in_french() throws IOException {
    String text = packaged().get(BASE);
    assertThatThrownBy(() -> BaseAmountIndexation.read(form("ix_code", "RMMMG", "ix_amount", "deux mille",
        "ix_from", "01/01/2027", "ix_source", "CNT")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("« deux mille » n'est pas un montant");
    assertThatThrownBy(() -> BaseAmountIndexation.read(form("ix_code", "RMMMG", "ix_amount", "2233,63",
        "ix_from", "31/02/2027", "ix_source", "CNT")))
        .hasMessageContaining("« 31/02/2027 » n'est pas une date (jj/mm/aaaa)");
    assertThatThrownBy(() -> BaseAmountIndexation.read(form("ix_code", "RMMMG", "ix_amount", "2233,63",
        "ix_from", "01/01/2027")))
        .hasMessageContaining("indiquez la source");
    assertThatThrownBy(() -> BaseAmountIndexation.apply(BASE, text, BaseAmountIndexation.read(form("ix_code", "RMMMG",
        "ix_amount", "2233,63", "ix_from", "01/04/2026", "ix_source", "CNT"))))
        .hasMessageContaining("une ligne de RMMMG commence déjà le 01/04/2026");
    assertThat(BaseAmountIndexation.read(form("ix_code", "RMMMG", "ix_amount", "", "ix_from", ""))).isNull();
  }

  static ThresholdPreview.Line line(List<ThresholdPreview.Line> lines, LocalDate day, String code, String regime) {
    return lines.stream().filter(l -> l.day().equals(day) && l.code().equals(code) && l.regime().equals(regime))
        .findFirst().orElseThrow(() -> new AssertionError(code + " " + regime + " on " + day + " in " + lines));
  }
}
