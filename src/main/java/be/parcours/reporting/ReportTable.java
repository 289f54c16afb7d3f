package be.parcours.reporting;

import be.parcours.reporting.ActivityReport.Line;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The report as shown to an audience. For {@link Audience#FUNDER} (exports that leave the
 * organisation) a group of 1 to 4 is shown as "&lt; 5", a median over fewer than 5 dossiers is not
 * shown, no change in % is given beside a masked figure, and figures per caseworker are left out.
 * No format ever carries a name of a beneficiary.
 */
final class ReportTable {

  static final String MASK = "< 5";
  static final int MIN_GROUP = 5;

  enum Audience { INTERNAL, FUNDER }

  record Row(String section, String key, String label, Object current, Object previous, BigDecimal changePercent) {}

  private final ActivityReport report;
  private final Audience audience;
  private final List<Row> rows;

  ReportTable(ActivityReport report, Audience audience) {
    this.report = report;
    this.audience = audience;
    List<Row> result = new ArrayList<>();
    for (Line line : report.lines()) {
      if (audience == Audience.FUNDER && line.internalOnly()) {
        continue;
      }
      Object current = shown(line.current(), line.currentBase(), line.count());
      Object previous = shown(line.previous(), line.previousBase(), line.count());
      BigDecimal change = current instanceof String || previous instanceof String
          || (line.current() != null && current == null) || (line.previous() != null && previous == null)
          ? null : line.changePercent();
      result.add(new Row(line.section(), line.key(), line.label(), current, previous, change));
    }
    this.rows = List.copyOf(result);
  }

  List<Row> rows() {
    return rows;
  }

  private Object shown(BigDecimal value, long base, boolean count) {
    if (value == null) {
      return null;
    }
    if (audience == Audience.FUNDER && base > 0 && base < MIN_GROUP) {
      return count ? MASK : null;
    }
    return count ? (Object) value.longValueExact() : value;
  }

  private Object month(Long count) {
    if (count == null) {
      return null;
    }
    return audience == Audience.FUNDER && count > 0 && count < MIN_GROUP ? MASK : count;
  }

  // ---- JSON ------------------------------------------------------------------------------------

  Map<String, Object> json() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("period", Map.of("from", report.period().from().toString(), "to", report.period().to().toString()));
    body.put("previousPeriod", Map.of("from", report.previousPeriod().from().toString(),
        "to", report.previousPeriod().to().toString()));
    body.put("audience", audience.name().toLowerCase());
    Map<String, Map<String, Object>> figures = new LinkedHashMap<>();
    for (Row row : rows) {
      Map<String, Object> figure = new LinkedHashMap<>();
      figure.put("label", row.label());
      figure.put("current", row.current());
      figure.put("previous", row.previous());
      figure.put("changePercent", row.changePercent());
      figures.computeIfAbsent(row.section(), s -> new LinkedHashMap<>()).put(row.key(), figure);
    }
    body.put("figures", figures);
    List<Map<String, Object>> months = new ArrayList<>();
    for (var m : report.months()) {
      Map<String, Object> month = new LinkedHashMap<>();
      month.put("month", m.month().toString());
      month.put("interventions", month(m.interventions()));
      month.put("previousMonth", m.previousMonth() == null ? null : m.previousMonth().toString());
      month.put("previousInterventions", month(m.previousInterventions()));
      months.add(month);
    }
    body.put("months", months);
    return body;
  }

  // ---- CSV -------------------------------------------------------------------------------------

  static final String CSV_HEADER = "section,indicator,label,current,previous,changePercent";

  /** UTF-8 with a byte-order mark (spreadsheets then read the accents), RFC 4180 quoting, CRLF. */
  byte[] csv() {
    StringBuilder out = new StringBuilder("\uFEFF").append(CSV_HEADER).append("\r\n");
    out.append(csvLine("period", "dates", "Période", report.period().toString(),
        report.previousPeriod().toString(), null));
    for (Row row : rows) {
      out.append(csvLine(row.section(), row.key(), row.label(), row.current(), row.previous(), row.changePercent()));
    }
    for (var m : report.months()) {
      out.append(csvLine("interventionsPerMonth", m.month().toString(), "Interventions — " + m.month()
          + (m.previousMonth() == null ? "" : " (précédent : " + m.previousMonth() + ")"),
          month(m.interventions()), month(m.previousInterventions()), null));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String csvLine(Object... cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(csvCell(cells[i]));
    }
    return line.append("\r\n").toString();
  }

  static String csvCell(Object value) {
    if (value == null) {
      return "";
    }
    String s = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    if (!(value instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s; // a spreadsheet must not run a cell as a formula
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  // ---- XLSX ------------------------------------------------------------------------------------

  static final String SHEET_FIGURES = "Rapport";
  static final String SHEET_MONTHS = "Par mois";

  byte[] xlsx() {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);

      Sheet sheet = workbook.createSheet(SHEET_FIGURES);
      header(sheet.createRow(0), bold, "Section", "Indicateur", "Libellé",
          "Période " + report.period(), "Période précédente " + report.previousPeriod(), "Évolution (%)");
      int r = 1;
      for (Row row : rows) {
        cells(sheet.createRow(r++), row.section(), row.key(), row.label(), row.current(), row.previous(),
            row.changePercent());
      }
      sheet.setColumnWidth(2, 70 * 256);
      for (int c : new int[] {0, 1, 3, 4, 5}) {
        sheet.setColumnWidth(c, 24 * 256);
      }

      Sheet months = workbook.createSheet(SHEET_MONTHS);
      header(months.createRow(0), bold, "Mois", "Interventions", "Mois précédent", "Interventions (précédent)");
      r = 1;
      for (var m : report.months()) {
        cells(months.createRow(r++), m.month().toString(), month(m.interventions()),
            m.previousMonth() == null ? null : m.previousMonth().toString(), month(m.previousInterventions()));
      }
      for (int c = 0; c < 4; c++) {
        months.setColumnWidth(c, 22 * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void header(org.apache.poi.ss.usermodel.Row row, CellStyle style, String... titles) {
    for (int i = 0; i < titles.length; i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(titles[i]);
      cell.setCellStyle(style);
    }
  }

  private static void cells(org.apache.poi.ss.usermodel.Row row, Object... values) {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        continue;
      }
      Cell cell = row.createCell(i);
      if (v instanceof Number n) {
        cell.setCellValue(n.doubleValue());
      } else {
        cell.setCellValue(v.toString()); // a string cell is never evaluated as a formula
      }
    }
  }
}
