package be.parcours.dossier;

import be.parcours.alerts.AlertDossierSource;
import be.parcours.security.Groups;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open dossiers for the legal-risk alerts, with their documents and deadlines. Who reads a
 * dossier in full (contract, professional secrecy): its referent, the users who hold or held one of
 * its tasks, the jurists while one of its tasks is in their queue, and the supervisors. Reception
 * never sees facts: no dossier.
 */
@Component
class DossierAlertSource implements AlertDossierSource {

  private final JdbcTemplate jdbc;
  private final TaskService tasks;
  private final HistoryService history;

  DossierAlertSource(JdbcTemplate jdbc, TaskService tasks, HistoryService history) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.history = history;
  }

  @Override
  @Transactional(readOnly = true)
  public List<AlertDossier> dossiersOf(String user, Set<String> groups) {
    if (groups.contains(Groups.SUPERVISORS)) {
      return openDossiers();
    }
    if (!groups.contains(Groups.CASEWORKERS) && !groups.contains(Groups.LEGAL)) {
      return List.of();
    }
    Set<String> processes = new HashSet<>();
    tasks.createTaskQuery().taskAssignee(user).list().forEach(t -> processes.add(t.getProcessInstanceId()));
    history.createHistoricTaskInstanceQuery().taskAssignee(user).list()
        .forEach(t -> processes.add(t.getProcessInstanceId()));
    if (groups.contains(Groups.LEGAL)) {
      tasks.createTaskQuery().taskCandidateGroup(Groups.LEGAL).includeAssignedTasks().list()
          .forEach(t -> processes.add(t.getProcessInstanceId()));
    }
    processes.remove(null);
    if (!processes.isEmpty()) {
      // a task of a called process (the common front) stands for the procedure that called it
      history.createHistoricProcessInstanceQuery().processInstanceIds(Set.copyOf(processes)).list()
          .forEach(p -> processes.add(p.getRootProcessInstanceId()));
      processes.remove(null);
    }
    return load(user, processes);
  }

  @Override
  @Transactional(readOnly = true)
  public List<AlertDossier> openDossiers() {
    return load(null, null);
  }

  /** user null: every open dossier; else the user's as referent plus those of the given process instances. */
  private List<AlertDossier> load(String user, Set<String> processes) {
    String sql = "select id, reference, procedure_code, status, reference_date, facts_json, process_instance_id"
        + " from dossier where status <> 'CLOSED'";
    List<Object> args = new ArrayList<>();
    if (user != null) {
      sql += " and (coalesce(assigned_to, created_by) = ?";
      args.add(user);
      if (!processes.isEmpty()) {
        sql += " or process_instance_id in (" + String.join(",", java.util.Collections.nCopies(processes.size(), "?")) + ")";
        args.addAll(processes);
      }
      sql += ")";
    }
    record Row(long id, String reference, String procedure, String status, LocalDate referenceDate, String facts,
        String process) {}
    List<Row> rows = jdbc.query(sql, (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7)), args.toArray());
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<DocumentFact>> documents = new HashMap<>();
    Map<Long, List<DeadlineFact>> deadlines = new HashMap<>();
    String ids = rows.size() > 1000 ? null
        : String.join(",", rows.stream().map(r -> String.valueOf(r.id())).toList());
    String where = ids == null ? "" : " where dossier_id in (" + ids + ")";
    jdbc.query("select dossier_id, code, status, received_on, expires_on from document_item" + where + " order by id",
        rs -> {
          documents.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new DocumentFact(rs.getString(2),
              rs.getString(3), date(rs.getDate(4)), date(rs.getDate(5))));
        });
    jdbc.query("select dossier_id, code, due_on, legal_basis, status from deadline" + where + " order by due_on",
        rs -> {
          deadlines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new DeadlineFact(rs.getString(2),
              date(rs.getDate(3)), rs.getString(4), rs.getString(5)));
        });
    return rows.stream().map(r -> new AlertDossier(r.id(), r.reference(), r.procedure(), r.status(), r.referenceDate(),
        r.facts(), r.process(), documents.getOrDefault(r.id(), List.of()), deadlines.getOrDefault(r.id(), List.of())))
        .toList();
  }

  private static LocalDate date(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
