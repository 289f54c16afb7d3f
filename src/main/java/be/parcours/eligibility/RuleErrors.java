package be.parcours.eligibility;

import be.parcours.eligibility.RuleSetCompiler.RuleError;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compilation errors in the words of legal staff: "Fichier …, ligne …, colonne … : …" with the row
 * and the column letter a spreadsheet shows for a table, and a French sentence instead of Drools'
 * English or a Java stack fragment.
 */
final class RuleErrors {

  private static final Pattern MISMATCHED = Pattern.compile("mismatched input '([^']*)'");
  private static final Pattern NO_VIABLE = Pattern.compile("no viable alternative at input '([^']*)'");
  private static final Pattern EXTRANEOUS = Pattern.compile("extraneous input '([^']*)'");
  private static final Pattern MISSING = Pattern.compile("missing '?([^' ]+)'? at '([^']*)'");
  private static final Pattern RULE_NAME = Pattern.compile("in rule \"?([^\"]+?)\"?(?: in pattern| failed|$)");
  private static final Pattern UNRESOLVED = Pattern.compile("Unable to (?:resolve|find) (?:ObjectType|class|type) '?([\\w.$]+)'?");
  private static final Pattern STACK = Pattern.compile("(?m)^\\s*at [\\w.$]+\\(.*\\)$|[\\w.]+(?:Exception|Error):\\s*");

  private RuleErrors() {}

  /** "Fichier visa/legal-parameters.drl.csv, ligne 17, colonne K" (a letter for a table, a number for a .drl). */
  static String where(String file, int line, int column) {
    StringBuilder sb = new StringBuilder("Fichier ").append(file == null ? "?" : file);
    if (line > 0) {
      sb.append(", ligne ").append(line);
    }
    if (column > 0) {
      sb.append(", colonne ").append(file != null && file.endsWith(".csv") ? RuleCsv.columnLetter(column)
          : Integer.toString(column));
    }
    return sb.toString();
  }

  /** An error of the compiler or of a clock table, said in French with its place. */
  static RuleError french(RuleError e) {
    if (e.message() != null && e.message().startsWith("Fichier ")) {
      return e; // already ours
    }
    return new RuleError(e.file(), e.line(), e.column(), where(e.file(), e.line(), e.column()) + " : "
        + sentence(e.message()));
  }

  static List<RuleError> french(List<RuleError> errors) {
    return errors.stream().map(RuleErrors::french).toList();
  }

  static String sentence(String message) {
    String m = message == null ? "" : message.strip();
    if (m.contains("Priority is not an integer literal")) {
      return "la priorité doit être un nombre entier (par exemple 1000)";
    }
    if (m.startsWith("no rule file for procedure")) {
      return "aucun fichier de règles pour cette procédure (le dossier est vide ou manquant)";
    }
    if (m.contains("expected") && m.contains("cells, found")) {
      Matcher c = Pattern.compile("expected (\\d+) cells, found (\\d+)").matcher(m);
      if (c.find()) {
        return c.group(1) + " colonnes attendues, " + c.group(2)
            + " trouvées (une virgule de trop, ou un texte avec une virgule ?)";
      }
    }
    if (m.contains("the table is missing")) {
      return "le tableau manque dans l'ensemble";
    }
    if (m.contains("no period in force today any more")) {
      return m.replaceFirst(": no period in force today any more, the procedures use it",
          " : plus aucune période en vigueur aujourd'hui, alors que les procédures l'utilisent");
    }
    String rule = "";
    Matcher rn = RULE_NAME.matcher(m);
    if (rn.find()) {
      rule = " dans la règle « " + rn.group(1).strip() + " »";
    }
    Matcher x = MISMATCHED.matcher(m);
    if (x.find()) {
      return "erreur d'écriture" + rule + " : « " + x.group(1) + " » n'est pas attendu ici";
    }
    x = NO_VIABLE.matcher(m);
    if (x.find()) {
      return "erreur d'écriture" + rule + " : « " + x.group(1) + " » ne peut pas se lire à cet endroit";
    }
    x = EXTRANEOUS.matcher(m);
    if (x.find()) {
      return "erreur d'écriture" + rule + " : « " + x.group(1) + " » est en trop";
    }
    x = MISSING.matcher(m);
    if (x.find()) {
      return "erreur d'écriture" + rule + " : il manque « " + x.group(1) + " » avant « " + x.group(2) + " »";
    }
    x = UNRESOLVED.matcher(m);
    if (x.find()) {
      return "type inconnu « " + x.group(1) + " »" + rule;
    }
    Matcher syntax = Pattern.compile("Syntax error on token \"([^\"]*)\", (delete this token|[^\n]*)").matcher(m);
    if (syntax.find()) {
      return "erreur d'écriture" + rule + " : « " + syntax.group(1) + " » "
          + (syntax.group(2).startsWith("delete") ? "est en trop" : "ne peut pas se lire à cet endroit");
    }
    if (m.contains("Rule Compilation error")) {
      String detail = m.replaceAll("(?s).*Rule Compilation error", "").strip();
      return "la règle ne se compile pas" + rule + (detail.isEmpty() ? "" : " : " + firstLine(strip(detail)));
    }
    return "erreur du moteur de règles : " + firstLine(strip(m));
  }

  private static String strip(String m) {
    return STACK.matcher(m).replaceAll("").replaceAll("\\[ERR \\d+\\]\\s*", "").strip();
  }

  private static String firstLine(String m) {
    int nl = m.indexOf('\n');
    String line = nl < 0 ? m : m.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
