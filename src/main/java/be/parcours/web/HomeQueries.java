package be.parcours.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read-only lists of the home page. */
@Component
class HomeQueries {

  record DossierLine(long id, String reference, String procedure, String status, String firstName, String lastName,
      LocalDate openedOn) {}

  record TaskLine(String id, String name, String reference, java.util.Date due, String assignee, Long dossierId) {}

  record AlertLine(long dossierId, String reference, String firstName, String lastName, String code, LocalDate dueOn,
      String legalBasis) {}

  private final JdbcClient jdbc;
  private final TaskService tasks;

  HomeQueries(JdbcClient jdbc, TaskService tasks) {
    this.jdbc = jdbc;
    this.tasks = tasks;
  }

  /** Open dossiers the user follows (assigned to them, or opened by them). */
  @Transactional(readOnly = true)
  List<DossierLine> myDossiers(String user) {
    return jdbc.sql("""
        select d.id, d.reference, d.procedure_code, d.status, b.first_name, b.last_name, d.opened_on
        from dossier d join beneficiary b on b.id = d.beneficiary_id
        where (d.assigned_to = :user or (d.assigned_to is null and d.created_by = :user)) and d.status <> 'CLOSED'
        order by d.updated_at desc, d.id desc
        fetch first 20 rows only""")
        .param("user", user)
        .query((rs, i) -> new DossierLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)))
        .list();
  }

  /** Tasks assigned to the user, then those of their groups nobody has taken, soonest due first. */
  List<TaskLine> myTasks(String user, List<String> groups) {
    var query = tasks.createTaskQuery().or().taskAssignee(user);
    if (!groups.isEmpty()) {
      query = query.taskCandidateGroupIn(groups);
    }
    var list = query.endOr().orderByDueDate().asc().listPage(0, 20);
    List<TaskLine> lines = new ArrayList<>();
    for (var t : list) {
      String reference = businessKey(t.getProcessInstanceId());
      lines.add(new TaskLine(t.getId(), t.getName(), reference, t.getDueDate(), t.getAssignee(), dossierId(reference)));
    }
    return lines;
  }

  private String businessKey(String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    return jdbc.sql("select business_key_ from act_ru_execution where id_ = :id")
        .param("id", processInstanceId).query(String.class).optional().orElse(null);
  }

  private Long dossierId(String reference) {
    if (reference == null) {
      return null;
    }
    return jdbc.sql("select id from dossier where reference = :r").param("r", reference).query(Long.class)
        .optional().orElse(null);
  }

  /** Pending legal deadlines of the user's dossiers that are passed or fall before {@code until}. */
  @Transactional(readOnly = true)
  List<AlertLine> deadlineAlerts(String user, LocalDate until) {
    return jdbc.sql("""
        select d.id, d.reference, b.first_name, b.last_name, dl.code, dl.due_on, dl.legal_basis
        from deadline dl join dossier d on d.id = dl.dossier_id join beneficiary b on b.id = d.beneficiary_id
        where dl.status = 'PENDING' and dl.due_on <= :until and d.status <> 'CLOSED'
          and (d.assigned_to = :user or (d.assigned_to is null and d.created_by = :user))
        order by dl.due_on, d.id
        fetch first 30 rows only""")
        .param("user", user).param("until", until)
        .query((rs, i) -> new AlertLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7)))
        .list();
  }
}
