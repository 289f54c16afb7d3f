package be.parcours.supervision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long the authorities actually took against their legal period, per procedure, authority and
 * year of filing: the Immigration Office (family reunification), the post / the Immigration Office
 * (visas), the registrar (nationality: the completeness check). From the filing day (the
 * procedure's {@code filedOn} / {@code declaredOn}) to the first answer recorded (for a decision,
 * a positive or negative one; a request for documents does not end the wait), against the legal
 * deadline stored on the dossier. A file is late when answered after its last day, or still
 * unanswered past it.
 */
@Service
class AuthorityDelays {

  /** One line of the evidence. Days are calendar days; medians and the 90th percentile over the answered files. */
  record Line(String procedure, String authority, int year, long files, long answered, Double medianDays,
      Double p90Days, Double legalMedianDays, long late, double latePercent) {}

  record Case(String procedure, String code, LocalDate filedOn, LocalDate dueOn, LocalDate answeredOn) {}

  static final Map<String, String> AUTHORITIES = Map.of(
      "family-reunification/DECISION", "Office des étrangers",
      "visa/DECISION", "Poste diplomatique / Office des étrangers",
      "nationality/NATIONALITY_COMPLETENESS_CHECK", "Officier de l'état civil");

  private final JdbcTemplate jdbc;
  private final Clock clock;

  AuthorityDelays(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<Line> lines() {
    List<Case> cases = jdbc.query("""
        SELECT d.procedure_code, dl.code, dl.due_on,
               (SELECT MIN(v.TEXT_) FROM ACT_HI_VARINST v JOIN ACT_HI_PROCINST p ON p.ID_ = v.PROC_INST_ID_
                 WHERE p.BUSINESS_KEY_ = d.reference AND v.NAME_ IN ('filedOn', 'declaredOn')) AS filed,
               (SELECT MIN(a.notified_on) FROM authority_decision a
                 WHERE a.dossier_id = d.id AND (dl.code <> 'DECISION' OR a.outcome <> 'MORE_DOCUMENTS')) AS answered
          FROM deadline dl JOIN dossier d ON d.id = dl.dossier_id
         WHERE dl.code IN ('DECISION', 'NATIONALITY_COMPLETENESS_CHECK')
        """, (rs, n) -> {
          String filed = rs.getString(4);
          Date answered = rs.getDate(5);
          return new Case(rs.getString(1), rs.getString(2),
              filed == null || filed.length() < 10 ? null : LocalDate.parse(filed.substring(0, 10)),
              rs.getDate(3).toLocalDate(), answered == null ? null : answered.toLocalDate());
        });
    return aggregate(cases, LocalDate.now(clock));
  }

  /** The evidence of a set of cases (plain Java: tested on a known data set). */
  static List<Line> aggregate(List<Case> cases, LocalDate today) {
    Map<String, List<Case>> groups = new TreeMap<>();
    for (Case c : cases) {
      String authority = AUTHORITIES.get(c.procedure() + "/" + c.code());
      if (authority == null || c.filedOn() == null || c.answeredOn() != null && c.answeredOn().isBefore(c.filedOn())) {
        continue;
      }
      groups.computeIfAbsent(c.procedure() + "|" + authority + "|" + c.filedOn().getYear(), k -> new ArrayList<>()).add(c);
    }
    List<Line> lines = new ArrayList<>();
    groups.forEach((key, group) -> {
      String[] k = key.split("\\|");
      List<Long> took = new ArrayList<>();
      List<Long> legal = new ArrayList<>();
      long late = 0;
      long judged = 0;
      for (Case c : group) {
        legal.add(ChronoUnit.DAYS.between(c.filedOn(), c.dueOn()));
        if (c.answeredOn() != null) {
          took.add(ChronoUnit.DAYS.between(c.filedOn(), c.answeredOn()));
          judged++;
          if (c.answeredOn().isAfter(c.dueOn())) {
            late++;
          }
        } else if (today.isAfter(c.dueOn())) {
          judged++;
          late++;
        }
      }
      lines.add(new Line(k[0], k[1], Integer.parseInt(k[2]), group.size(), took.size(), percentile(took, 50),
          percentile(took, 90), percentile(legal, 50), late, judged == 0 ? 0 : Math.round(1000.0 * late / judged) / 10.0));
    });
    lines.sort(Comparator.comparing(Line::procedure).thenComparing(Line::authority).thenComparing(Line::year,
        Comparator.reverseOrder()));
    return lines;
  }

  /** The p-th percentile, linear between the closest ranks (as PERCENTILE_CONT); null for no value. */
  static Double percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    double rank = p / 100.0 * (sorted.size() - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    double v = sorted.get(lo) + (rank - lo) * (sorted.get(hi) - sorted.get(lo));
    return Math.round(v * 10) / 10.0;
  }

  static final String CSV_HEADER = "procedure,autorite,annee,dossiers,repondus,mediane_jours,p90_jours,"
      + "delai_legal_median_jours,en_retard,pourcentage_en_retard";

  static String csv(List<Line> lines) {
    StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
    for (Line l : lines) {
      out.append(String.join(",", l.procedure(), '"' + l.authority().replace("\"", "\"\"") + '"',
          String.valueOf(l.year()), String.valueOf(l.files()), String.valueOf(l.answered()), str(l.medianDays()),
          str(l.p90Days()), str(l.legalMedianDays()), String.valueOf(l.late()), String.valueOf(l.latePercent())))
          .append("\r\n");
    }
    return out.toString();
  }

  static byte[] xlsx(List<Line> lines) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Délais des autorités");
      String[] head = {"Procédure", "Autorité", "Année d'introduction", "Dossiers", "Répondus", "Médiane (jours)",
          "90e centile (jours)", "Délai légal médian (jours)", "En retard", "% en retard"};
      Row h = sheet.createRow(0);
      for (int i = 0; i < head.length; i++) {
        h.createCell(i).setCellValue(head[i]);
      }
      int r = 1;
      for (Line l : lines) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(l.procedure());
        row.createCell(1).setCellValue(l.authority());
        row.createCell(2).setCellValue(l.year());
        row.createCell(3).setCellValue(l.files());
        row.createCell(4).setCellValue(l.answered());
        if (l.medianDays() != null) {
          row.createCell(5).setCellValue(l.medianDays());
          row.createCell(6).setCellValue(l.p90Days());
        }
        if (l.legalMedianDays() != null) {
          row.createCell(7).setCellValue(l.legalMedianDays());
        }
        row.createCell(8).setCellValue(l.late());
        row.createCell(9).setCellValue(l.latePercent());
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String str(Double d) {
    return d == null ? "" : d.toString();
  }
}
