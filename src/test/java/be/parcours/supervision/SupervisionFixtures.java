package be.parcours.supervision;

import java.io.InputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data for supervision: dossiers inserted in SQL (as the scale generator does), the
 * test-only BPMN {@code SupervisionTest} and its Camunda Form, process instances whose business
 * key is the dossier reference.
 */
final class SupervisionFixtures {

  static final String PROCESS = "SupervisionTest";

  record TestDossier(long id, String reference, String processInstanceId) {}

  private final JdbcTemplate jdbc;
  private final ProcessEngine engine;

  SupervisionFixtures(JdbcTemplate jdbc, ProcessEngine engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  void deployTestProcess() {
    var repo = engine.getRepositoryService();
    if (repo.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() > 0) {
      return;
    }
    repo.createDeployment().name("supervision-test")
        .addInputStream("SupervisionTest.bpmn", resource("SupervisionTest.bpmn20.xml"))
        .addInputStream("supervision-test.form", resource("supervision-test-form.json"))
        .deploy();
  }

  private static InputStream resource(String name) {
    return SupervisionFixtures.class.getResourceAsStream("/supervision/" + name);
  }

  /** Inserts a beneficiary and an open dossier; {@code lastName} makes it findable. */
  synchronized TestDossier dossier(String procedure, String prefix, String lastName) {
    Instant now = Instant.now();
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement(
          "INSERT INTO beneficiary (first_name, last_name, nationality, created_at) VALUES (?, ?, ?, ?)",
          new String[] {"id"});
      ps.setString(1, "Test");
      ps.setString(2, lastName);
      ps.setString(3, "MAR");
      ps.setTimestamp(4, Timestamp.from(now));
      return ps;
    }, keys);
    long benId = keys.getKey().longValue();
    long id = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM dossier", Long.class) + 100_000;
    String reference = String.format("%s-%d-%05d", prefix, LocalDate.now().getYear(), id);
    jdbc.update("""
        INSERT INTO dossier (id, reference, procedure_code, status, beneficiary_id, opened_on, reference_date,
                             created_by, created_at, updated_at)
        VALUES (?, ?, ?, 'IN_PROGRESS', ?, ?, ?, 'test', ?, ?)
        """, id, reference, procedure, benId, Date.valueOf(LocalDate.now()), Date.valueOf(LocalDate.now()),
        Timestamp.from(now), Timestamp.from(now));
    return new TestDossier(id, reference, null);
  }

  /** Starts the test process for a dossier, its first task created {@code daysAgo} days ago, due on {@code taskDue}. */
  TestDossier startProcess(TestDossier d, int daysAgo, Instant taskDue) {
    deployTestProcess();
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().minusSeconds(86_400L * daysAgo)));
    try {
      Map<String, Object> vars = new HashMap<>();
      vars.put("dossierId", d.id());
      vars.put("dossierReference", d.reference());
      vars.put("taskDue", taskDue == null ? null : java.util.Date.from(taskDue));
      String pi = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, d.reference(), vars).getId();
      jdbc.update("UPDATE dossier SET process_instance_id = ? WHERE id = ?", pi, d.id());
      return new TestDossier(d.id(), d.reference(), pi);
    } finally {
      ClockUtil.reset();
    }
  }

  void deadline(long dossierId, String code, LocalDate dueOn, String status) {
    jdbc.update("INSERT INTO deadline (dossier_id, code, due_on, legal_basis, status, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        dossierId, code, Date.valueOf(dueOn), "test", status, Timestamp.from(Instant.now()));
  }
}
