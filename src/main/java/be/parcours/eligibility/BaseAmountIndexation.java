package be.parcours.eligibility;

import be.parcours.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An indexation of a base amount (RMMMG, RIS « famille à charge ») written into the base-amounts
 * table as legal staff would do it in the spreadsheet: the row in force the day before the new
 * date is closed that day, and a row with the new amount starts on the new date, with its legal
 * basis, its source and the « à confirmer » flag. Plain Java on the table's text.
 */
final class BaseAmountIndexation {

  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH);

  /** What the jurist enters: the base amount's code, the first day of the new amount, the amount, where it comes from. */
  record Indexation(String code, LocalDate from, BigDecimal amount, String legalBasis, String source,
      boolean toConfirm) {}

  private BaseAmountIndexation() {}

  /** The form's fields ({@code ix_code, ix_amount, ix_from, ix_basis, ix_source, ix_confirm}) read, or null if no amount was typed. */
  static Indexation read(java.util.Map<String, String> form) {
    String amount = form.getOrDefault("ix_amount", "").strip();
    String from = form.getOrDefault("ix_from", "").strip();
    if (amount.isEmpty() && from.isEmpty()) {
      return null;
    }
    String code = form.getOrDefault("ix_code", "").strip();
    if (code.isEmpty()) {
      throw new InvalidInputException("ix_code", "Indexation : choisissez le montant de base à indexer");
    }
    String canonical = SpreadsheetNormalizer.cell(amount);
    BigDecimal value;
    try {
      value = new BigDecimal(canonical);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("ix_amount", "Indexation : « " + amount + " » n'est pas un montant "
          + "(écrivez par exemple 2 197,21)");
    }
    if (value.signum() <= 0 || value.scale() > 2) {
      throw new InvalidInputException("ix_amount", "Indexation : le nouveau montant doit être positif, au centime près "
          + "(par exemple 2 197,21), pas « " + amount + " »");
    }
    if (from.isEmpty()) {
      throw new InvalidInputException("ix_from", "Indexation : indiquez la date du nouveau montant (jj/mm/aaaa)");
    }
    String iso = SpreadsheetNormalizer.cell(from);
    LocalDate day;
    try {
      day = LocalDate.parse(iso);
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInputException("ix_from", "Indexation : « " + from + " » n'est pas une date (jj/mm/aaaa)");
    }
    String source = form.getOrDefault("ix_source", "").strip();
    if (source.isEmpty()) {
      throw new InvalidInputException("ix_source", "Indexation : indiquez la source du nouveau montant "
          + "(Moniteur belge, SPP Intégration sociale, CNT…)");
    }
    return new Indexation(code, day, value.setScale(2), form.getOrDefault("ix_basis", "").strip(), source,
        form.containsKey("ix_confirm"));
  }

  /** The base amounts' codes of a table (RIS_FAMILY_DEPENDENT, RMMMG), in table order. */
  static List<String> codes(ParameterTables.Table table) {
    return table.rows().stream().map(r -> r.get(ParameterTables.CODE)).filter(c -> !c.isEmpty()).distinct().toList();
  }

  /** The table's text with the indexation: the row in force the day before closed, the new row after the code's last row. */
  static String apply(String path, String text, Indexation ix) {
    ParameterTables.Table table = ParameterTables.read(path, text);
    if (table == null) {
      throw new InvalidInputException("ix_code", "Fichier " + path + " : ce n'est pas un tableau de montants");
    }
    List<ParameterTables.ParamRow> ofCode = table.rows().stream()
        .filter(r -> r.get(ParameterTables.CODE).equals(ix.code())).toList();
    if (ofCode.isEmpty()) {
      throw new InvalidInputException("ix_code", "Indexation : le montant de base « " + ix.code() + " » n'est pas dans "
          + path);
    }
    ParameterTables.ParamRow inForce = null;
    for (ParameterTables.ParamRow r : ofCode) {
      LocalDate from = date(r.get(ParameterTables.FROM));
      LocalDate until = date(r.get(ParameterTables.UNTIL));
      if (from == null) {
        continue;
      }
      if (!from.isBefore(ix.from())) {
        throw new InvalidInputException("ix_from", "Indexation : une ligne de " + ix.code() + " commence déjà le "
            + from.format(DMY) + " (ligne " + r.line() + ") ; choisissez une date postérieure ou modifiez cette ligne "
            + "dans le tableau");
      }
      if (until == null || !until.isBefore(ix.from())) {
        inForce = r;
      }
    }
    ParameterTables.ParamRow last = ofCode.get(ofCode.size() - 1);
    ParameterTables.ParamRow model = inForce != null ? inForce : last;
    int untilColumn = table.column(ParameterTables.UNTIL) - 1;
    StringBuilder out = new StringBuilder();
    for (RuleCsv.Row row : RuleCsv.parse(text, ',')) {
      List<String> cells = new ArrayList<>(row.cells());
      if (inForce != null && row.line() == inForce.line()) {
        while (cells.size() <= untilColumn) {
          cells.add("");
        }
        cells.set(untilColumn, ix.from().minusDays(1).toString());
      }
      out.append(RuleCsv.line(cells, ',')).append('\n');
      if (row.line() == last.line()) {
        out.append(RuleCsv.line(newRow(table, model, ix), ',')).append('\n');
      }
    }
    return out.toString();
  }

  private static List<String> newRow(ParameterTables.Table table, ParameterTables.ParamRow model, Indexation ix) {
    String name = label(ix.code()) + " au " + (ix.from().getDayOfMonth() == 1 ? "1er " + ix.from().format(
        DateTimeFormatter.ofPattern("MMMM uuuu", Locale.FRENCH)) : ix.from().format(LONG))
        + (ix.toConfirm() ? " (indexation ; à confirmer)" : " (indexation)");
    List<String> cells = new ArrayList<>();
    for (String title : table.titles()) {
      cells.add(switch (title) {
        case ParameterTables.NAME -> name;
        case ParameterTables.CODE -> ix.code();
        case ParameterTables.REGIME -> model.get(ParameterTables.REGIME).isEmpty() ? "*" : model.get(ParameterTables.REGIME);
        case ParameterTables.FROM -> ix.from().toString();
        case ParameterTables.UNTIL -> "";
        case ParameterTables.VALUE -> ix.amount().toPlainString();
        case ParameterTables.BASIS -> ix.legalBasis().isEmpty() ? model.get(ParameterTables.BASIS) : ix.legalBasis();
        case ParameterTables.SOURCE -> ix.source();
        case ParameterTables.TO_CONFIRM -> ix.toConfirm() ? "oui" : "";
        case ParameterTables.ACTIVE -> "oui";
        case ParameterTables.PRIORITY -> model.get(ParameterTables.PRIORITY).isEmpty() ? "1000"
            : model.get(ParameterTables.PRIORITY);
        default -> model.get(title);
      });
    }
    return cells;
  }

  /** How the page names a base amount. */
  static String label(String code) {
    return switch (code) {
      case "RMMMG" -> "RMMMG";
      case "RIS_FAMILY_DEPENDENT" -> "RIS famille à charge";
      default -> code;
    };
  }

  private static LocalDate date(String s) {
    try {
      return s == null || s.isBlank() ? null : LocalDate.parse(SpreadsheetNormalizer.cell(s.strip()));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
