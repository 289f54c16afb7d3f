package be.parcours.eligibility;

import java.util.ArrayList;
import java.util.List;

/**
 * The CSV of the rule files as a spreadsheet writes it: cells separated by ',' or ';', a cell in
 * double quotes may hold the separator, a quote ("") or a line break. Rows keep their line number
 * (1-based, the row number a spreadsheet shows) so errors can name it.
 */
final class RuleCsv {

  /** A row of cells and the line it starts on. {@code raw} is the line as written (comments). */
  record Row(int line, List<String> cells, String raw) {
    String cell(int i) {
      return i < cells.size() ? cells.get(i) : "";
    }

    boolean blank() {
      return cells.stream().allMatch(String::isBlank);
    }

    boolean comment() {
      return !cells.isEmpty() && cells.get(0).startsWith("#");
    }
  }

  private RuleCsv() {}

  /** Removes a UTF-8 byte order mark and turns CRLF / CR line ends into LF. */
  static String clean(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return t.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** ';' when the text has more ';' than ',' outside quotes (a Belgian or French spreadsheet), else ','. */
  static char separatorOf(String text) {
    int semicolons = 0;
    int commas = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ';') {
        semicolons++;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (c == '\n' && text.startsWith("#", i + 1)) {
        // comment lines are prose: skip to their end
        int end = text.indexOf('\n', i + 1);
        i = end < 0 ? text.length() : end - 1;
      }
    }
    return semicolons > commas ? ';' : ',';
  }

  static List<Row> parse(String text, char sep) {
    List<Row> rows = new ArrayList<>();
    String t = clean(text);
    int line = 1;
    int i = 0;
    while (i < t.length()) {
      int startLine = line;
      int start = i;
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      for (; i < t.length(); i++) {
        char c = t.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
              cell.append('"');
              i++;
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            cell.append(c);
          }
        } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
        } else if (c == sep) {
          cells.add(cell.toString());
          cell.setLength(0);
          wasQuoted = false;
        } else if (c == '\n') {
          break;
        } else {
          cell.append(c);
        }
      }
      cells.add(cell.toString());
      String raw = t.substring(start, Math.min(i, t.length()));
      rows.add(new Row(startLine, List.copyOf(cells), raw));
      i++; // the line feed
      line++;
    }
    return rows;
  }

  /** One line of cells, quoted where needed (separator, quote, line break, leading/trailing space). */
  static String line(List<String> cells, char sep) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(sep);
      }
      String c = cells.get(i) == null ? "" : cells.get(i);
      if (c.indexOf(sep) >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A column letter as a spreadsheet shows it: 1 → A, 11 → K, 27 → AA. */
  static String columnLetter(int column) {
    StringBuilder sb = new StringBuilder();
    for (int c = column; c > 0; c = (c - 1) / 26) {
      sb.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return sb.toString();
  }
}
