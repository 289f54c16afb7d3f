package be.parcours.supervision;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Fills a Parcours database with a realistic volume for the scale benchmark: beneficiaries and
 * dossiers of the three procedures at every stage (about 30 % closed), their legal deadlines
 * (pending, met, missed), and for every open dossier a Camunda process instance with its open user
 * task(s) (candidate group, often an assignee, due date) plus the history of the steps already done
 * (completed tasks with their durations). Camunda rows are written in SQL with JDBC batches, in the
 * shape the engine writes them (process instance execution with the business key, task, candidate
 * link, historic task instance), against a deployed process definition; seeded {@link Random}, so
 * every run generates the same data.
 */
final class ScaleDataGenerator {

  static final List<String> CASEWORKERS = java.util.stream.IntStream.rangeClosed(1, 24)
      .mapToObj(i -> String.format("cw%02d", i)).toList();
  private static final String[] LAST_NAMES = {"Benali", "Tesfaye", "Karimova", "Mensah", "Diallo", "Dupont",
      "Janssens", "El Amrani", "Nguyen", "Popescu", "Kowalski", "Haddad", "Okafor", "Rahimi", "Yilmaz", "Silva",
      "Ahmadi", "Traoré", "Hussein", "Bakari", "Lambert", "Peeters", "Mukendi", "Kabila", "Sow", "Camara"};
  private static final String[] FIRST_NAMES = {"Amina", "Yonas", "Dilnoza", "Kwame", "Fatou", "Omar", "Leila",
      "Ivan", "Maria", "Samir", "Aisha", "Jean", "Nadia", "Ali", "Sara", "Moussa", "Hana", "Tariq", "Zainab"};
  private static final String[][] STEPS = {
      {"Rassembler les documents", "Vérifier la complétude", "Examen juridique", "Introduire la demande",
          "Suivre la décision"},
      {"Prendre rendez-vous à l'ambassade", "Rassembler les documents", "Déposer la demande", "Suivre la décision"},
      {"Vérifier les conditions", "Rassembler les documents", "Examen juridique", "Déposer la déclaration",
          "Suivre l'avis du parquet"}};
  private static final String[] PROCEDURES = {"family-reunification", "visa", "nationality"};
  private static final String[] PREFIXES = {"RF", "VI", "NA"};
  private static final String[] OPEN_STATUSES = {"OPEN", "IN_PROGRESS", "IN_PROGRESS", "SUBMITTED", "SUBMITTED",
      "APPEAL"};
  private static final String[][] DEADLINES = {{"APPEAL", "DECISION", "DOCUMENTS"}, {"VISA_DECISION", "APPOINTMENT"},
      {"NATIONALITY_OPINION", "FEE", "DOCUMENTS"}};

  record Counts(int dossiers, int openDossiers, int openTasks, int deadlines, int historicTasks, int authorizations) {}

  /**
   * The per-task grants the engine's default authorization provider wrote before Parcours gave task rights
   * by group ({@code -Dbench.task-authorizations=true}, to measure the old state: the queue's count then
   * does not finish, docs/benchmarks.md). Off by default: production holds none now (TaskAuthorizationRowsTest).
   */
  static final boolean AUTHORIZATIONS = Boolean.getBoolean("bench.task-authorizations");

  private ScaleDataGenerator() {}

  static Counts generate(DataSource dataSource, int dossiers, String procDefId, String procDefKey, LocalDate today)
      throws SQLException {
    Random rnd = new Random(42);
    Instant now = Instant.now();
    int open = 0;
    int tasks = 0;
    int deadlines = 0;
    int historic = 0;
    int authorizations = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      long firstId;
      try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM dossier")) {
        rs.next();
        firstId = rs.getLong(1) + 1;
      }
      try (PreparedStatement ben = c.prepareStatement(
              "INSERT INTO beneficiary (id, first_name, last_name, birth_date, nationality, languages, created_at, "
                  + "search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement dos = c.prepareStatement("INSERT INTO dossier (id, reference, procedure_code, status, "
              + "beneficiary_id, opened_on, closed_on, reference_date, assigned_to, process_instance_id, created_by, "
              + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement dl = c.prepareStatement("INSERT INTO deadline (dossier_id, code, due_on, legal_basis, "
              + "status, updated_at) VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement exe = c.prepareStatement("INSERT INTO ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, "
              + "PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_ID_, ACT_ID_, IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_, "
              + "IS_EVENT_SCOPE_, SUSPENSION_STATE_, CACHED_ENT_STATE_, SEQUENCE_COUNTER_, PROC_DEF_KEY_) "
              + "VALUES (?, 1, ?, ?, ?, ?, ?, TRUE, FALSE, TRUE, FALSE, 1, 0, 1, ?)");
          PreparedStatement task = c.prepareStatement("INSERT INTO ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, "
              + "PROC_INST_ID_, PROC_DEF_ID_, NAME_, TASK_DEF_KEY_, ASSIGNEE_, PRIORITY_, CREATE_TIME_, "
              + "LAST_UPDATED_, DUE_DATE_, SUSPENSION_STATE_, TASK_STATE_) "
              + "VALUES (?, 1, ?, ?, ?, ?, ?, ?, 50, ?, ?, ?, 1, 'Created')");
          PreparedStatement link = c.prepareStatement("INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, "
              + "TASK_ID_) VALUES (?, 1, ?, 'candidate', ?)");
          PreparedStatement hist = c.prepareStatement("INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, "
              + "PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_INST_ID_, NAME_, "
              + "ASSIGNEE_, START_TIME_, END_TIME_, DURATION_, DELETE_REASON_, PRIORITY_, TASK_STATE_) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'completed', 50, 'Completed')");
          // as the engine writes them: the historic process instance of every procedure (history level full),
          // and the grants it gives on each task to its candidate group and to its assignee (READ + UPDATE,
          // DefaultAuthorizationProvider), removed when the task ends
          PreparedStatement hpi = c.prepareStatement("INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, "
              + "PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_, ROOT_PROC_INST_ID_, STATE_) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement auth = c.prepareStatement("INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, "
              + "USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_, ROOT_PROC_INST_ID_) VALUES (?, 1, 1, ?, ?, 7, ?, 6, ?)")) {
        for (int i = 0; i < dossiers; i++) {
          long id = firstId + i;
          int p = pick(rnd, 50, 30, 20);
          LocalDate opened = today.minusDays(rnd.nextInt(1500));
          boolean closed = rnd.nextInt(100) < 30;
          String status = closed ? "CLOSED" : rnd.nextInt(100) < 7 ? "DECIDED" : OPEN_STATUSES[rnd.nextInt(OPEN_STATUSES.length)];
          String reference = String.format("%s-%d-%05d", PREFIXES[p], opened.getYear(), id);
          String assignee = rnd.nextInt(100) < 65 ? CASEWORKERS.get(rnd.nextInt(CASEWORKERS.size())) : null;
          String pi = closed ? null : "bench-pi-" + id;

          ben.setLong(1, id);
          String first = FIRST_NAMES[rnd.nextInt(FIRST_NAMES.length)];
          String last = LAST_NAMES[rnd.nextInt(LAST_NAMES.length)] + (rnd.nextInt(4) == 0 ? "-" + (char) ('A' + rnd.nextInt(26)) + "ouri" : "");
          ben.setString(2, first);
          ben.setString(3, last);
          ben.setString(8, be.parcours.dossier.SearchText.key(first, last));
          ben.setDate(4, Date.valueOf(today.minusYears(18 + rnd.nextInt(50)).minusDays(rnd.nextInt(365))));
          ben.setString(5, "XX");
          ben.setString(6, "fr");
          ben.setTimestamp(7, Timestamp.from(now));
          ben.addBatch();

          dos.setLong(1, id);
          dos.setString(2, reference);
          dos.setString(3, PROCEDURES[p]);
          dos.setString(4, status);
          dos.setLong(5, id);
          dos.setDate(6, Date.valueOf(opened));
          dos.setDate(7, closed ? Date.valueOf(opened.plusDays(30 + rnd.nextInt(600))) : null);
          dos.setDate(8, Date.valueOf(opened));
          dos.setString(9, assignee);
          dos.setString(10, pi);
          dos.setString(11, "bench");
          dos.setTimestamp(12, Timestamp.from(now));
          dos.setTimestamp(13, Timestamp.from(now));
          dos.addBatch();

          // past deadlines (met or missed), then the pending one of an open dossier
          int past = 1 + rnd.nextInt(2);
          String[] codes = DEADLINES[p];
          for (int k = 0; k < past && k < codes.length - 1; k++) {
            addDeadline(dl, id, codes[k], today.minusDays(10 + rnd.nextInt(700)), rnd.nextInt(100) < 85 ? "MET" : "MISSED", now);
            deadlines++;
          }
          if (!closed && rnd.nextInt(100) < 88) {
            addDeadline(dl, id, codes[codes.length - 1], today.plusDays(rnd.nextInt(200) - 25), "PENDING", now);
            deadlines++;
          }

          // history: the steps already done
          String[] steps = STEPS[p];
          int done = closed ? steps.length : rnd.nextInt(steps.length);
          Instant t = opened.atStartOfDay(be.parcours.shared.TimeConfig.BRUSSELS).toInstant();
          String histPi = pi != null ? pi : "bench-done-" + id;
          for (int k = 0; k < done; k++) {
            long millis = (long) (Duration.ofDays(1).toMillis() * Math.max(0.2, Math.exp(1.8 + 0.9 * rnd.nextGaussian())));
            Instant end = t.plusMillis(millis);
            if (end.isAfter(now)) {
              end = now.minusSeconds(3600);
            }
            String hid = "bench-h-" + id + "-" + k;
            hist.setString(1, hid);
            hist.setString(2, "Task_" + k);
            hist.setString(3, procDefKey);
            hist.setString(4, procDefId);
            hist.setString(5, histPi);
            hist.setString(6, histPi);
            hist.setString(7, histPi);
            hist.setString(8, "act-" + hid);
            hist.setString(9, steps[k]);
            hist.setString(10, assignee);
            hist.setTimestamp(11, Timestamp.from(t));
            hist.setTimestamp(12, Timestamp.from(end));
            hist.setLong(13, Math.max(0, end.toEpochMilli() - t.toEpochMilli()));
            hist.addBatch();
            historic++;
            t = end;
          }

          hpi.setString(1, histPi);
          hpi.setString(2, histPi);
          hpi.setString(3, reference);
          hpi.setString(4, procDefKey);
          hpi.setString(5, procDefId);
          hpi.setTimestamp(6, Timestamp.from(opened.atStartOfDay(be.parcours.shared.TimeConfig.BRUSSELS).toInstant()));
          hpi.setTimestamp(7, closed ? Timestamp.from(t) : null);
          hpi.setString(8, histPi);
          hpi.setString(9, closed ? "COMPLETED" : "ACTIVE");
          hpi.addBatch();

          if (pi != null) {
            open++;
            exe.setString(1, pi);
            exe.setString(2, pi);
            exe.setString(3, pi);
            exe.setString(4, reference);
            exe.setString(5, procDefId);
            exe.setString(6, "Task_" + Math.min(done, steps.length - 1));
            exe.setString(7, procDefKey);
            exe.addBatch();
            int parallel = rnd.nextInt(100) < 10 ? 2 : 1;
            for (int k = 0; k < parallel; k++) {
              String tid = "bench-t-" + id + "-" + k;
              Instant created = now.minusSeconds(86_400L * rnd.nextInt(120) + rnd.nextInt(86_400));
              task.setString(1, tid);
              task.setString(2, pi);
              task.setString(3, pi);
              task.setString(4, procDefId);
              task.setString(5, steps[Math.min(done + k, steps.length - 1)]);
              task.setString(6, "Task_" + Math.min(done + k, steps.length - 1));
              task.setString(7, k == 0 ? assignee : null);
              task.setTimestamp(8, Timestamp.from(created));
              task.setTimestamp(9, Timestamp.from(created));
              task.setTimestamp(10, Timestamp.from(created.plusSeconds(86_400L * (10 + rnd.nextInt(50)))));
              task.addBatch();
              link.setString(1, "bench-l-" + id + "-" + k);
              String group = switch (pick(rnd, 70, 20, 10)) {
                case 0 -> "service-social";
                case 1 -> "juristes";
                default -> "accueil";
              };
              link.setString(2, group);
              link.setString(3, tid);
              link.addBatch();
              if (AUTHORIZATIONS) {
                auth.setString(1, "bench-ag-" + id + "-" + k);
                auth.setString(2, group);
                auth.setString(3, null);
                auth.setString(4, tid);
                auth.setString(5, pi);
                auth.addBatch();
                authorizations++;
                if (k == 0 && assignee != null) {
                  auth.setString(1, "bench-au-" + id + "-" + k);
                  auth.setString(2, null);
                  auth.setString(3, assignee);
                  auth.setString(4, tid);
                  auth.setString(5, pi);
                  auth.addBatch();
                  authorizations++;
                }
              }
              tasks++;
            }
          }
          if (i % 2000 == 1999 || i == dossiers - 1) {
            for (PreparedStatement ps : List.of(ben, dos, dl, exe, task, link, hist, hpi, auth)) {
              ps.executeBatch();
            }
            c.commit();
          }
        }
      }
      try (var st = c.createStatement()) {
        st.execute("ALTER SEQUENCE dossier_seq RESTART WITH " + (firstId + dossiers));
        st.execute("ALTER TABLE beneficiary ALTER COLUMN id RESTART WITH " + (firstId + dossiers));
      }
      c.commit();
      try (var st = c.createStatement()) {
        c.setAutoCommit(true);
        st.execute("ANALYZE");
      }
    }
    return new Counts(dossiers, open, tasks, deadlines, historic, authorizations);
  }

  private static void addDeadline(PreparedStatement dl, long id, String code, LocalDate due, String status,
      Instant now) throws SQLException {
    dl.setLong(1, id);
    dl.setString(2, code);
    dl.setDate(3, Date.valueOf(due));
    dl.setString(4, "bench");
    dl.setString(5, status);
    dl.setTimestamp(6, Timestamp.from(now));
    dl.addBatch();
  }

  private static int pick(Random rnd, int... weights) {
    int r = rnd.nextInt(java.util.Arrays.stream(weights).sum());
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
