package be.parcours.privacy;

import be.parcours.shared.ProcessVariables;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scrubs the Camunda side of an anonymised dossier's procedures (the instance whose business key is
 * the reference, and the procedures it called, e.g. visa D): every process and task variable other
 * than ids, dates and outcome codes ({@link #KEPT}) is removed from the runtime (a procedure still
 * running) and deleted from the history with its updates (the person's name shown in Tasklist, the
 * notes typed in task forms…); form-field history and task comments of those instances too. The
 * history of activities and tasks (what happened, when, by whom) stays: Cockpit's figures do not
 * change. Runs in the caller's transaction.
 */
@Component
class ProcedureScrubber {

  /** Variables without personal data: ids, the reference (the business key), dates and outcome codes. */
  static final Set<String> KEPT = Set.of(ProcessVariables.DOSSIER_ID, ProcessVariables.DOSSIER_REFERENCE,
      ProcessVariables.FILED_ON, ProcessVariables.DECLARED_ON, ProcessVariables.DECISION_OUTCOME,
      ProcessVariables.DECISION_NOTIFIED_ON, ProcessVariables.NOTIFICATION_METHOD, ProcessVariables.DECISION_POSTED_ON,
      ProcessVariables.DECISION_DEADLINE);

  /** What was scrubbed, for the access log. */
  record Scrubbed(int instances, int runtimeVariables, int historicVariables, int otherHistory) {}

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final JdbcTemplate jdbc;

  ProcedureScrubber(RuntimeService runtime, TaskService tasks, HistoryService history, JdbcTemplate jdbc) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.jdbc = jdbc;
  }

  Scrubbed scrub(String reference, String processInstanceId) {
    List<String> instances = instances(reference, processInstanceId);
    int removed = 0;
    int deleted = 0;
    int other = 0;
    for (String id : instances) {
      for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(id).list()) {
        if (KEPT.contains(v.getName())) {
          continue;
        }
        if (v.getTaskId() != null) {
          tasks.removeVariableLocal(v.getTaskId(), v.getName());
        } else {
          runtime.removeVariableLocal(v.getExecutionId(), v.getName());
        }
        removed++;
      }
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(id)
          .includeDeleted().list()) {
        if (!KEPT.contains(v.getName())) {
          history.deleteHistoricVariableInstance(v.getId());
          deleted++;
        }
      }
      // submitted form fields (history level full) and comments have no deletion API by instance
      other += jdbc.update("delete from ACT_HI_DETAIL where PROC_INST_ID_ = ? and TYPE_ = 'FormProperty'", id);
      other += jdbc.update("delete from ACT_HI_COMMENT where PROC_INST_ID_ = ?", id);
    }
    return new Scrubbed(instances.size(), removed, deleted, other);
  }

  /** The dossier's procedure instances (history knows running and ended ones) and those they called. */
  private List<String> instances(String reference, String processInstanceId) {
    Set<String> found = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (HistoricProcessInstance p : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
        .list()) {
      todo.add(p.getId());
    }
    if (processInstanceId != null) {
      todo.add(processInstanceId);
    }
    while (!todo.isEmpty()) {
      String id = todo.poll();
      if (found.add(id)) {
        for (HistoricProcessInstance sub : history.createHistoricProcessInstanceQuery().superProcessInstanceId(id)
            .list()) {
          todo.add(sub.getId());
        }
      }
    }
    return new ArrayList<>(found);
  }
}
