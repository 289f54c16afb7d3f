package be.parcours.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The supervision reads, in plain portable SQL (H2 and PostgreSQL) over the domain tables and
 * Camunda's own tables, which live in the same database. One statement per read: the delays list
 * joins each open dossier to its earliest pending deadline and to the open user tasks of the
 * process instance whose business key is the dossier reference.
 */
@Repository
class SupervisionQueries {

  /** Rows are one per (dossier, open task); the service folds them per dossier. */
  record DelayRow(long dossierId, String reference, String procedure, String processInstanceId,
      String deadlineCode, LocalDate dueOn, String taskName, String assignee, Instant taskCreated) {}

  record StepRow(String processKey, String step, long completed, double medianMillis, double p90Millis) {}

  record DeadlineRow(String procedure, long met, long missed) {}

  static final String DELAYS_SQL = """
      SELECT d.id, d.reference, d.procedure_code, pi.ID_ AS pi_id, nd.code AS dl_code, nd.due_on AS dl_due,
             t.NAME_ AS task_name, t.ASSIGNEE_ AS task_assignee, t.CREATE_TIME_ AS task_created
        FROM dossier d
        LEFT JOIN (SELECT dossier_id, MIN(due_on) AS due_on FROM deadline
                    WHERE status = 'PENDING' GROUP BY dossier_id) m ON m.dossier_id = d.id
        LEFT JOIN deadline nd ON nd.dossier_id = d.id AND nd.status = 'PENDING' AND nd.due_on = m.due_on
        LEFT JOIN ACT_RU_EXECUTION pi ON pi.BUSINESS_KEY_ = d.reference AND pi.PARENT_ID_ IS NULL
        LEFT JOIN ACT_RU_TASK t ON t.PROC_INST_ID_ = pi.ID_
       WHERE d.status <> 'CLOSED'
      """;

  private final JdbcTemplate jdbc;

  SupervisionQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Open dossiers with their next pending deadline and open tasks.
   *
   * @param procedure contract code, or null for all
   * @param dueBefore only dossiers whose next deadline is before this day (null: all)
   */
  List<DelayRow> delays(String procedure, LocalDate dueBefore) {
    StringBuilder sql = new StringBuilder(DELAYS_SQL);
    List<Object> args = new ArrayList<>();
    if (procedure != null) {
      sql.append(" AND d.procedure_code = ?");
      args.add(procedure);
    }
    if (dueBefore != null) {
      sql.append(" AND m.due_on < ?");
      args.add(Date.valueOf(dueBefore));
    }
    return jdbc.query(con -> {
      var ps = con.prepareStatement(sql.toString());
      ps.setFetchSize(2000);
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      return ps;
    }, (rs, n) -> new DelayRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        localDate(rs, 6), rs.getString(7), rs.getString(8), instant(rs, 9)));
  }

  /** Median and 90th percentile of the duration of user tasks completed since {@code since}. */
  List<StepRow> stepDurations(Instant since) {
    return jdbc.query("""
        SELECT h.PROC_DEF_KEY_, h.NAME_, COUNT(*),
               PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY h.DURATION_),
               PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY h.DURATION_)
          FROM ACT_HI_TASKINST h
         WHERE h.END_TIME_ >= ? AND h.DURATION_ IS NOT NULL AND h.NAME_ IS NOT NULL
         GROUP BY h.PROC_DEF_KEY_, h.NAME_
         ORDER BY h.PROC_DEF_KEY_, h.NAME_
        """, (rs, n) -> new StepRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5)),
        Timestamp.from(since));
  }

  /** Deadlines falling due in [from, to]: met, and missed (closed as missed, or still pending past today). */
  List<DeadlineRow> deadlineScore(LocalDate from, LocalDate to, LocalDate today) {
    return jdbc.query("""
        SELECT d.procedure_code,
               SUM(CASE WHEN dl.status = 'MET' THEN 1 ELSE 0 END),
               SUM(CASE WHEN dl.status = 'MISSED' OR (dl.status = 'PENDING' AND dl.due_on < ?) THEN 1 ELSE 0 END)
          FROM deadline dl JOIN dossier d ON d.id = dl.dossier_id
         WHERE dl.due_on >= ? AND dl.due_on <= ?
         GROUP BY d.procedure_code
         ORDER BY d.procedure_code
        """, (rs, n) -> new DeadlineRow(rs.getString(1), rs.getLong(2), rs.getLong(3)),
        Date.valueOf(today), Date.valueOf(from), Date.valueOf(to));
  }

  /** Open tasks per assignee (null = unassigned) and how many are past their due date. */
  List<SupervisionDashboard.Workload> workload(Instant now) {
    return jdbc.query("""
        SELECT t.ASSIGNEE_, COUNT(*), SUM(CASE WHEN t.DUE_DATE_ < ? THEN 1 ELSE 0 END)
          FROM ACT_RU_TASK t
         GROUP BY t.ASSIGNEE_
         ORDER BY COUNT(*) DESC, t.ASSIGNEE_
        """, (rs, n) -> new SupervisionDashboard.Workload(rs.getString(1), rs.getLong(2), rs.getLong(3)),
        Timestamp.from(now));
  }

  /** Process definition key → the contract's procedure code. */
  static String procedureOf(String processKey) {
    return PROCEDURES.getOrDefault(processKey, processKey);
  }

  private static final Map<String, String> PROCEDURES = Map.of(
      "FamilyReunification", "family-reunification",
      "VisaC", "visa",
      "VisaD", "visa",
      "Nationality", "nationality");

  private static LocalDate localDate(ResultSet rs, int col) throws SQLException {
    Date d = rs.getDate(col);
    return d == null ? null : d.toLocalDate();
  }

  private static Instant instant(ResultSet rs, int col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }
}
