package be.parcours.supervision;

import be.parcours.eligibility.ProcedureDescriptors;
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
      String deadlineCode, LocalDate dueOn, String taskName, String assignee, Instant taskCreated,
      String deadlineStatus, String assigneeName) {}

  record StepRow(String processKey, String step, long completed, double medianMillis, double p90Millis) {}

  record DeadlineRow(String procedure, long met, long missed) {}

  /**
   * A deadline still open: PENDING, or MISSED while nothing has answered it yet (no authority
   * decision notified on or after its last day) — a dossier waiting for an authority past its
   * legal period stays on the list, most overdue first.
   */
  static final String OPEN_DEADLINE = """
      SELECT dl.dossier_id, dl.code, dl.due_on, dl.status FROM deadline dl
       WHERE dl.status = 'PENDING'
          OR (dl.status = 'MISSED' AND NOT EXISTS (SELECT 1 FROM authority_decision a
                WHERE a.dossier_id = dl.dossier_id AND a.notified_on >= dl.due_on))
      """;

  static final String DELAYS_SQL = """
      WITH open_deadline AS (%s)
      SELECT d.id, d.reference, d.procedure_code, COALESCE(pi.ROOT_PROC_INST_ID_, pi.ID_) AS pi_id, nd.code AS dl_code,
             nd.due_on AS dl_due,
             t.NAME_ AS task_name, t.ASSIGNEE_ AS task_assignee, t.CREATE_TIME_ AS task_created,
             nd.status AS dl_status, u.FIRST_ AS first_name, u.LAST_ AS last_name
        FROM dossier d
        LEFT JOIN (SELECT dossier_id, MIN(due_on) AS due_on FROM open_deadline GROUP BY dossier_id) m
               ON m.dossier_id = d.id
        LEFT JOIN open_deadline nd ON nd.dossier_id = d.id AND nd.due_on = m.due_on
        LEFT JOIN ACT_RU_EXECUTION pi ON pi.BUSINESS_KEY_ = d.reference AND pi.PARENT_ID_ IS NULL
        LEFT JOIN ACT_RU_TASK t ON t.PROC_INST_ID_ = pi.ID_
        LEFT JOIN ACT_ID_USER u ON u.ID_ = t.ASSIGNEE_
       WHERE d.status <> 'CLOSED'
      """.formatted(OPEN_DEADLINE);

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
        localDate(rs, 6), rs.getString(7), rs.getString(8), instant(rs, 9), rs.getString(10),
        name(rs.getString(11), rs.getString(12))));
  }

  /**
   * Median and 90th percentile of the duration of user tasks completed since {@code since}, one row
   * per procedure and step: a step of a called process (the visa D of a family reunification) counts
   * under the procedure of the root process.
   */
  List<StepRow> stepDurations(Instant since) {
    String procedure = procedureCase("COALESCE(r.PROC_DEF_KEY_, h.PROC_DEF_KEY_)");
    return jdbc.query("""
        SELECT %1$s, h.NAME_, COUNT(*),
               PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY h.DURATION_),
               PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY h.DURATION_)
          FROM ACT_HI_TASKINST h
          LEFT JOIN ACT_HI_PROCINST r ON r.ID_ = h.ROOT_PROC_INST_ID_
         WHERE h.END_TIME_ >= ? AND h.DURATION_ IS NOT NULL AND h.NAME_ IS NOT NULL
         GROUP BY %1$s, h.NAME_
         ORDER BY 1, 2
        """.formatted(procedure),
        (rs, n) -> new StepRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5)),
        Timestamp.from(since));
  }

  /** SQL mapping a process definition key to the contract's procedure code (the table below). */
  static String procedureCase(String keyExpression) {
    StringBuilder sql = new StringBuilder("CASE " + keyExpression);
    new java.util.TreeMap<>(PROCEDURES).forEach((key, code) -> sql.append(" WHEN '").append(key).append("' THEN '")
        .append(code).append("'"));
    return sql.append(" ELSE ").append(keyExpression).append(" END").toString();
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

  /** Open tasks per assignee (null = unassigned), with the person's name, and how many are past their due date. */
  List<SupervisionDashboard.Workload> workload(Instant now) {
    return jdbc.query("""
        SELECT t.ASSIGNEE_, COUNT(*), SUM(CASE WHEN t.DUE_DATE_ < ? THEN 1 ELSE 0 END), u.FIRST_, u.LAST_
          FROM ACT_RU_TASK t
          LEFT JOIN ACT_ID_USER u ON u.ID_ = t.ASSIGNEE_
         GROUP BY t.ASSIGNEE_, u.FIRST_, u.LAST_
         ORDER BY COUNT(*) DESC, t.ASSIGNEE_
        """, (rs, n) -> new SupervisionDashboard.Workload(rs.getString(1), name(rs.getString(4), rs.getString(5)),
            rs.getLong(2), rs.getLong(3)),
        Timestamp.from(now));
  }

  /** "First Last" of a Camunda user, null when the user has no name. */
  static String name(String first, String last) {
    String n = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
    return n.isEmpty() ? null : n;
  }

  /** Process definition key → the contract's procedure code. */
  static String procedureOf(String processKey) {
    return PROCEDURES.getOrDefault(processKey, processKey); // already a code when the query mapped it
  }

  private static final Map<String, String> PROCEDURES = ProcedureDescriptors.procedureByProcessKey();

  private static LocalDate localDate(ResultSet rs, int col) throws SQLException {
    Date d = rs.getDate(col);
    return d == null ? null : d.toLocalDate();
  }

  private static Instant instant(ResultSet rs, int col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }
}
