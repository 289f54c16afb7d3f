package be.parcours.supervision;

import java.util.List;

/** The delays list as CSV (RFC 4180, comma, header row), same fields as the JSON. */
final class DelaysCsv {

  static final String HEADER = "dossierId,reference,procedure,step,assignee,inStepSinceDays,"
      + "nextDeadline.code,nextDeadline.dueOn,nextDeadline.daysLeft";

  private DelaysCsv() {}

  static String write(List<DelayView> delays) {
    StringBuilder sb = new StringBuilder(64 * (delays.size() + 1)).append(HEADER).append("\r\n");
    for (DelayView d : delays) {
      var next = d.nextDeadline();
      sb.append(d.dossierId()).append(',')
          .append(cell(d.reference())).append(',')
          .append(cell(d.procedure())).append(',')
          .append(cell(d.step())).append(',')
          .append(cell(d.assignee())).append(',')
          .append(d.inStepSinceDays() == null ? "" : d.inStepSinceDays()).append(',')
          .append(next == null ? "" : cell(next.code())).append(',')
          .append(next == null ? "" : next.dueOn()).append(',')
          .append(next == null ? "" : next.daysLeft()).append("\r\n");
    }
    return sb.toString();
  }

  /** Quotes when needed; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
