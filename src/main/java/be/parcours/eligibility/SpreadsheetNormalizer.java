package be.parcours.eligibility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Brings a file as a spreadsheet saves it to the canonical form of the rule set before it is
 * compiled or stored: UTF-8 without byte order mark (or Windows-1252 from an old Excel), LF line
 * ends, the table's own separator ({@code ;} for the scenarios, {@code ,} for the other tables),
 * a decimal point ({@code 2 323,08} → {@code 2323.08}), ISO dates ({@code 01/06/2026} →
 * {@code 2026-06-01}), no trailing empty cells, and XLSX sheets turned into the CSV table of the
 * same path. The same content always gives the same text, so it gives the same version.
 */
final class SpreadsheetNormalizer {

  /** A file of the set in its canonical form. */
  record Normalized(String path, String content) {}

  /** A file that cannot be read at all (not text, not a spreadsheet). */
  static final class UnreadableFile extends RuntimeException {
    final String path;

    UnreadableFile(String path, String message) {
      super(message);
      this.path = path;
    }
  }

  private static final Pattern DECIMAL_COMMA = Pattern.compile(
      "^(-?)(\\d{1,3}(?:[ \u00A0\u202F.]\\d{3})+|\\d+),(\\d+)$");
  private static final Pattern GROUPED_INTEGER = Pattern.compile("^-?\\d{1,3}(?:[ \u00A0\u202F]\\d{3})+$");
  private static final Pattern SLASH_DATE = Pattern.compile("^(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})$");

  private SpreadsheetNormalizer() {}

  /** The path a file takes in the set: a spreadsheet upload becomes the CSV table of that name. */
  static String canonicalPath(String path) {
    String p = path.strip().replace('\\', '/');
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.startsWith("rules/")) {
      p = p.substring("rules/".length());
    }
    if (p.endsWith(".xlsx")) {
      p = p.substring(0, p.length() - ".xlsx".length()) + ".csv";
    }
    return p;
  }

  static Normalized normalize(String path, byte[] bytes) {
    String target = canonicalPath(path);
    if (!target.endsWith(".csv")) {
      return new Normalized(target, RuleCsv.clean(decode(target, bytes)));
    }
    char canonical = target.startsWith("scenarios/") ? ';' : ',';
    List<List<String>> rows;
    List<String> comments = new ArrayList<>();
    if (isZip(bytes)) {
      rows = xlsxRows(target, bytes);
    } else {
      String text = RuleCsv.clean(decode(target, bytes));
      char sep = RuleCsv.separatorOf(text);
      List<RuleCsv.Row> parsed = RuleCsv.parse(text, sep);
      if (sep == ';' && canonical == ',' && parsed.stream().filter(r -> !r.blank() && !r.comment())
          .allMatch(r -> r.cells().size() == 1) && text.contains(",")) {
        // a comma file opened in a ';' spreadsheet: each line was one cell; read the cells as lines
        StringBuilder inner = new StringBuilder();
        parsed.forEach(r -> inner.append(r.cell(0)).append('\n'));
        parsed = RuleCsv.parse(inner.toString(), ',');
        sep = ',';
      }
      rows = new ArrayList<>();
      for (RuleCsv.Row r : parsed) {
        if (r.comment()) {
          rows.add(List.of(commentOf(r, sep, canonical)));
        } else {
          rows.add(new ArrayList<>(r.cells()));
        }
      }
    }
    return new Normalized(target, write(target, rows, canonical));
  }

  private static String commentOf(RuleCsv.Row r, char sep, char canonical) {
    if (sep == canonical) {
      return r.raw();
    }
    // the prose of a comment line, without the empty cells a spreadsheet adds
    List<String> cells = new ArrayList<>(r.cells());
    trimTrailing(cells);
    return String.join(String.valueOf(sep), cells);
  }

  private static String write(String path, List<List<String>> rows, char sep) {
    boolean table = path.startsWith("scenarios/") || path.startsWith("clocks/");
    int width = 0;
    int widest = 0;
    boolean headerSeen = false;
    List<List<String>> cleaned = new ArrayList<>();
    for (List<String> row : rows) {
      if (row.size() == 1 && row.get(0).startsWith("#")) {
        cleaned.add(row);
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String c : row) {
        cells.add(cell(c));
      }
      int size = cells.size();
      trimTrailing(cells);
      if (!cells.isEmpty() && !headerSeen && table) {
        width = cells.size();
        headerSeen = true;
      }
      widest = Math.max(widest, cells.size());
      cleaned.add(cells.isEmpty() && size > 1 ? null : cells);
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> cells : cleaned) {
      if (cells == null) {
        // an empty row inside a decision table keeps its place (Drools reads the rows by position)
        sb.append(String.valueOf(sep).repeat(Math.max(0, (table ? width : widest) - 1))).append('\n');
        continue;
      }
      if (cells.size() == 1 && cells.get(0).startsWith("#")) {
        sb.append(cells.get(0)).append('\n');
        continue;
      }
      if (table && !cells.isEmpty()) {
        while (cells.size() < width) {
          cells.add("");
        }
      }
      sb.append(RuleCsv.line(cells, sep)).append('\n');
    }
    // no blank lines at the end
    String out = sb.toString();
    while (out.endsWith("\n\n")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }

  private static void trimTrailing(List<String> cells) {
    while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
      cells.remove(cells.size() - 1);
    }
  }

  /** A cell as a spreadsheet may show it, in the rules' form: decimal point, ISO date. */
  static String cell(String raw) {
    if (raw == null) {
      return "";
    }
    String c = raw.strip().replace('\u00A0', ' ');
    Matcher m = DECIMAL_COMMA.matcher(c);
    if (m.matches()) {
      return m.group(1) + m.group(2).replaceAll("[ \u202F.]", "") + "." + m.group(3);
    }
    if (GROUPED_INTEGER.matcher(c).matches()) {
      return c.replaceAll("[ \u202F]", "");
    }
    Matcher d = SLASH_DATE.matcher(c);
    if (d.matches()) {
      try {
        return LocalDate.of(Integer.parseInt(d.group(3)), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(1)))
            .toString();
      } catch (DateTimeException e) {
        return c; // not a date: the table check names the cell
      }
    }
    return c.equals(raw) ? raw : c;
  }

  private static String decode(String path, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      if (isZip(bytes)) {
        throw new UnreadableFile(path, "un classeur (XLSX) ne peut remplacer qu'un tableau (.csv)");
      }
      // an "Excel CSV" of Windows: Windows-1252
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }

  private static boolean isZip(byte[] bytes) {
    return bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
  }

  /** The first sheet of a workbook, its cells as text (numbers with a decimal point, dates ISO). */
  private static List<List<String>> xlsxRows(String path, byte[] bytes) {
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
      Sheet sheet = wb.getSheetAt(0);
      List<List<String>> rows = new ArrayList<>();
      int last = sheet.getLastRowNum();
      for (int r = 0; r <= last; r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            cells.add(text(row.getCell(c)));
          }
        }
        if (!cells.isEmpty() && cells.get(0).startsWith("#")) {
          List<String> prose = new ArrayList<>(cells);
          trimTrailing(prose);
          rows.add(List.of(String.join(",", prose)));
        } else {
          rows.add(cells);
        }
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      throw new UnreadableFile(path, "le classeur ne peut pas être lu (" + e.getMessage() + ")");
    }
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    return switch (type) {
      case NUMERIC -> DateUtil.isCellDateFormatted(cell)
          ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
          : new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
      case BOOLEAN -> cell.getBooleanCellValue() ? "oui" : "non";
      case STRING -> cell.getStringCellValue();
      default -> "";
    };
  }
}
