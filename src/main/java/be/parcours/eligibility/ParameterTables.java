package be.parcours.eligibility;

import be.parcours.eligibility.RuleSetCompiler.RuleError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The legal-parameter decision tables (the {@code legal-parameters.drl.csv} of each procedure) read as legal staff see
 * them in a spreadsheet: the column titles (Règle, Code, Régime, Valable du, …) and one row per
 * value with its line number. Checked before Drools compiles them, so that a wrong cell is named
 * by its file, row and column in French; edited row by row from the workbench page.
 */
final class ParameterTables {

  static final String NAME = "Règle";
  static final String CODE = "Code";
  static final String REGIME = "Régime";
  static final String FROM = "Valable du";
  static final String UNTIL = "Valable jusqu'au";
  static final String VALUE = "Valeur";
  static final String BASIS = "Base légale";
  static final String SOURCE = "Source";
  static final String TO_CONFIRM = "À confirmer";
  static final String ACTIVE = "Active";
  static final String PRIORITY = "Priorité";

  /** A parameter row: its line in the file and its cells by column title. */
  record ParamRow(int line, List<String> cells, Map<String, String> byTitle) {
    public String get(String title) {
      return byTitle.getOrDefault(title, "");
    }
  }

  /** A table: its file, the column titles (in order), the header's line, the rows. */
  record Table(String file, List<String> titles, int headerLine, List<ParamRow> rows) {
    public int column(String title) {
      return titles.indexOf(title) + 1;
    }
  }

  private ParameterTables() {}

  static boolean isParameterTable(String path) {
    return path.endsWith(".drl.csv");
  }

  /** The table of a decision table file, or null when it has no row of column titles. */
  static Table read(String file, String content) {
    List<RuleCsv.Row> rows = RuleCsv.parse(content, ',');
    int header = -1;
    for (int i = 0; i < rows.size(); i++) {
      List<String> cells = rows.get(i).cells();
      if (cells.contains(CODE) && cells.contains(FROM)) {
        header = i;
        break;
      }
    }
    if (header < 0) {
      return null;
    }
    List<String> titles = rows.get(header).cells().stream().map(String::strip).toList();
    List<ParamRow> params = new ArrayList<>();
    for (int i = header + 1; i < rows.size(); i++) {
      RuleCsv.Row r = rows.get(i);
      if (r.blank()) {
        break;
      }
      Map<String, String> byTitle = new HashMap<>();
      for (int c = 0; c < titles.size(); c++) {
        byTitle.put(titles.get(c), r.cell(c).strip());
      }
      params.add(new ParamRow(r.line(), r.cells(), byTitle));
    }
    return new Table(file, titles, rows.get(header).line(), params);
  }

  /** The French errors of a table's cells: dates, priorities, numbers where the code has numbers. */
  static List<RuleError> check(Table t) {
    List<RuleError> errors = new ArrayList<>();
    Set<String> numericCodes = new HashSet<>();
    for (ParamRow r : t.rows()) {
      if (isNumber(r.get(VALUE))) {
        numericCodes.add(r.get(CODE));
      }
    }
    for (ParamRow r : t.rows()) {
      if (r.get(CODE).isEmpty()) {
        errors.add(error(t, r, CODE, "le code du paramètre est vide"));
      }
      LocalDate from = date(t, r, FROM, true, errors);
      LocalDate until = date(t, r, UNTIL, false, errors);
      if (from != null && until != null && until.isBefore(from)) {
        errors.add(error(t, r, UNTIL, "la fin de validité (" + until + ") précède le début (" + from + ")"));
      }
      String value = r.get(VALUE);
      if (value.isEmpty()) {
        errors.add(error(t, r, VALUE, "la valeur est vide"));
      } else if (numericCodes.contains(r.get(CODE)) && !isNumber(value)) {
        errors.add(error(t, r, VALUE, "« " + value + " » n'est pas un nombre (les autres lignes de "
            + r.get(CODE) + " en sont ; écrivez par exemple 2323,08 ou 2323.08)"));
      }
      if (t.column(PRIORITY) > 0 && !r.get(PRIORITY).isEmpty() && !r.get(PRIORITY).matches("-?\\d+")) {
        errors.add(error(t, r, PRIORITY, "la priorité doit être un nombre entier (par exemple 1000), pas « "
            + r.get(PRIORITY) + " »"));
      }
      String confirm = r.get(TO_CONFIRM).toLowerCase(Locale.ROOT);
      if (!confirm.isEmpty() && !Set.of("oui", "non", "yes", "no").contains(confirm)) {
        errors.add(error(t, r, TO_CONFIRM, "écrivez « oui » ou laissez vide, pas « " + r.get(TO_CONFIRM) + " »"));
      }
    }
    // two rows for the same code and regime must not overlap: which value would apply?
    for (int i = 0; i < t.rows().size(); i++) {
      for (int j = i + 1; j < t.rows().size(); j++) {
        ParamRow a = t.rows().get(i);
        ParamRow b = t.rows().get(j);
        if (a.get(CODE).equals(b.get(CODE)) && a.get(REGIME).equals(b.get(REGIME)) && overlap(a, b)) {
          errors.add(error(t, b, FROM, "la période de " + b.get(CODE) + " (" + b.get(REGIME) + ") chevauche celle de la ligne "
              + a.line() + " : fermez l'ancienne ligne (« " + UNTIL + " ») la veille du nouveau début"));
        }
      }
    }
    return errors;
  }

  private static boolean overlap(ParamRow a, ParamRow b) {
    try {
      LocalDate af = LocalDate.parse(a.get(FROM));
      LocalDate bf = LocalDate.parse(b.get(FROM));
      LocalDate au = a.get(UNTIL).isEmpty() ? LocalDate.MAX : LocalDate.parse(a.get(UNTIL));
      LocalDate bu = b.get(UNTIL).isEmpty() ? LocalDate.MAX : LocalDate.parse(b.get(UNTIL));
      return !af.isAfter(bu) && !bf.isAfter(au);
    } catch (DateTimeParseException e) {
      return false; // reported as a date error
    }
  }

  static boolean isNumber(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    try {
      new BigDecimal(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static LocalDate date(Table t, ParamRow r, String title, boolean required, List<RuleError> errors) {
    String s = r.get(title);
    if (s.isEmpty()) {
      if (required) {
        errors.add(error(t, r, title, "la date de début de validité est vide (jj/mm/aaaa)"));
      }
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      errors.add(error(t, r, title, "« " + s + " » n'est pas une date (jj/mm/aaaa)"));
      return null;
    }
  }

  static RuleError error(Table t, ParamRow r, String title, String message) {
    int col = t.column(title);
    return new RuleError(t.file(), r.line(), col, RuleErrors.where(t.file(), r.line(), col) + " (" + title + ") : "
        + message);
  }
}
