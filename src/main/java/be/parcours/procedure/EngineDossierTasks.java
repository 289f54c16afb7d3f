package be.parcours.procedure;

import be.parcours.dossier.DossierTasks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The dossiers' tasks as the engine knows them (runtime and history), by business key = reference. */
@Component
class EngineDossierTasks implements DossierTasks {

  private final TaskService taskService;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  EngineDossierTasks(TaskService taskService, HistoryService historyService, RuntimeService runtimeService,
      IdentityService identityService) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
  }

  @Override
  public List<OpenTask> openTasks(String reference) {
    List<OpenTask> result = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .orderByTaskCreateTime().asc().list()) {
      List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(l -> l.getGroupId()).sorted().toList();
      result.add(new OpenTask(task.getId(), task.getName(), groups.isEmpty() ? null : groups.get(0), groups,
          task.getAssignee(),
          task.getDueDate() == null ? null : task.getDueDate().toInstant()));
    }
    return result;
  }

  @Override
  public boolean isUser(String user) {
    return user != null && identityService.createUserQuery().userId(user).count() > 0;
  }

  @Override
  public Set<String> heldBy(String user, Collection<String> references) {
    if (user == null || references.isEmpty()) {
      return Set.of();
    }
    Set<String> instances = new HashSet<>();
    for (HistoricTaskInstance t : historyService.createHistoricTaskInstanceQuery().taskAssignee(user)
        .processInstanceBusinessKeyIn(references.toArray(String[]::new)).list()) {
      instances.add(t.getProcessInstanceId());
    }
    Set<String> keys = new HashSet<>();
    if (!instances.isEmpty()) {
      for (HistoricProcessInstance p : historyService.createHistoricProcessInstanceQuery()
          .processInstanceIds(instances).list()) {
        keys.add(p.getBusinessKey());
      }
    }
    // a task completed without being claimed first (engine REST) keeps no assignee: the operation log
    // still says who completed it
    List<String> rest = references.stream().filter(r -> !keys.contains(r)).distinct().toList();
    if (!rest.isEmpty() && rest.size() <= COMPLETED_BY_LOOKUP_LIMIT) {
      for (HistoricProcessInstance p : historyService.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKeyIn(rest.toArray(String[]::new)).list()) {
        if (historyService.createUserOperationLogQuery().processInstanceId(p.getId()).userId(user)
            .entityType(EntityTypes.TASK).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).count() > 0) {
          keys.add(p.getBusinessKey());
        }
      }
    }
    return keys;
  }

  /**
   * Only for one dossier at a time (opening it): on a search page (many references) only tasks held
   * as assignee count, so that the list costs no query per result (the 50,000-dossier benchmark).
   */
  private static final int COMPLETED_BY_LOOKUP_LIMIT = 1;

  @Override
  public Set<String> queuedFor(String group, Collection<String> references) {
    if (references.isEmpty()) {
      return Set.of();
    }
    Set<String> instances = new HashSet<>();
    for (Task t : taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
        .processInstanceBusinessKeyIn(references.toArray(String[]::new)).list()) {
      instances.add(t.getProcessInstanceId());
    }
    if (instances.isEmpty()) {
      return Set.of();
    }
    Set<String> keys = new HashSet<>();
    for (ProcessInstance p : runtimeService.createProcessInstanceQuery().processInstanceIds(instances).list()) {
      keys.add(p.getBusinessKey());
    }
    return keys;
  }
}
