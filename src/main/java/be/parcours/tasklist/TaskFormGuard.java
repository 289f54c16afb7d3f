package be.parcours.tasklist;

import be.parcours.eligibility.ProcedureDescriptors;
import be.parcours.shared.ProcessVariables;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What Parcours checks and refreshes around a Tasklist task, in one place for the REST filter
 * ({@link TasklistTaskFilter}, clean 400 messages for Tasklist) and the engine listener
 * ({@link TaskFormGuardPlugin}, the same rules for every other way a task is completed):
 * <ul>
 *   <li>the dossier context of the form is recomputed when the form is opened;</li>
 *   <li>dates typed {@code jj/mm/aaaa} are read day first and refused when implausible;</li>
 *   <li>"Rassembler les documents" cannot be completed while a document is missing: the user reads which.</li>
 * </ul>
 */
@Component
public class TaskFormGuard {

  /** The processes of Parcours (the procedures' and the shared ones): their document-collection tasks wait for every document. */
  static final Set<String> PROCEDURES = Set.copyOf(ProcedureDescriptors.processKeys());
  static final String COLLECT_DOCUMENTS = "Task_CollectDocuments";

  private final ObjectProvider<TaskService> tasks;
  private final ObjectProvider<RepositoryService> repository;
  private final ObjectProvider<IdentityService> identities;
  private final TaskFormContext context;
  private final TaskForms forms = TaskForms.load();
  private final Map<String, String> processKeys = new java.util.concurrent.ConcurrentHashMap<>();

  TaskFormGuard(ObjectProvider<TaskService> tasks, ObjectProvider<RepositoryService> repository,
      ObjectProvider<IdentityService> identities, TaskFormContext context) {
    this.tasks = tasks;
    this.repository = repository;
    this.identities = identities;
    this.context = context;
  }

  /** Groups who may open any task's form (they oversee every queue). */
  static final Set<String> OVERSEERS = Set.of(be.parcours.security.Groups.SUPERVISORS, "camunda-admin");

  /** A task as the guard needs it; {@code workable}: the user holds it, is a candidate, or oversees the queues. */
  record TaskInfo(String id, String definitionKey, String processKey, String formId, Long dossierId, boolean workable) {}

  TaskForms forms() {
    return forms;
  }

  /** The task, if {@code user} may see it (Camunda authorization as that user); empty otherwise. */
  Optional<TaskInfo> visibleTask(String taskId, String user) {
    IdentityService ids = identities.getObject();
    var previous = ids.getCurrentAuthentication();
    try {
      List<String> groups = ids.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
      ids.setAuthentication(user, groups);
      Task task = tasks.getObject().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      if (task == null) {
        return Optional.empty();
      }
      ids.clearAuthentication();
      return Optional.of(info(task, workable(task, user, groups)));
    } finally {
      if (previous == null) {
        ids.clearAuthentication();
      } else {
        ids.setAuthentication(previous);
      }
    }
  }

  /** True when the task no longer exists (completed or deleted meanwhile). */
  boolean gone(String taskId) {
    return tasks.getObject().createTaskQuery().taskId(taskId).count() == 0;
  }

  /** Professional secrecy: a task's form (the person, the dossier) is for those who can work the task. */
  private boolean workable(Task task, String user, List<String> groups) {
    if (user.equals(task.getAssignee()) || groups.stream().anyMatch(OVERSEERS::contains)) {
      return true;
    }
    return tasks.getObject().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(l.getType()))
        .anyMatch(l -> user.equals(l.getUserId()) || (l.getGroupId() != null && groups.contains(l.getGroupId())));
  }

  private TaskInfo info(Task task, boolean workable) {
    Object dossierId = task.getProcessInstanceId() == null ? null
        : tasks.getObject().getVariable(task.getId(), ProcessVariables.DOSSIER_ID);
    String formId = task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
    String processKey = task.getProcessDefinitionId() == null ? null
        : processKeys.computeIfAbsent(task.getProcessDefinitionId(),
            id -> repository.getObject().getProcessDefinition(id).getKey());
    return new TaskInfo(task.getId(), task.getTaskDefinitionKey(), processKey, formId,
        dossierId instanceof Number n ? n.longValue() : null, workable);
  }

  /** Writes the dossier context of the task again, as it is now (only the values that changed). */
  void refresh(TaskInfo task) {
    if (task.dossierId() == null) {
      return;
    }
    Map<String, Object> now = context.variables(task.dossierId());
    TaskService ts = tasks.getObject();
    Map<String, Object> stored = ts.getVariablesLocal(task.id(), now.keySet());
    Map<String, Object> changed = new HashMap<>();
    now.forEach((k, v) -> {
      if (!Objects.equals(stored.get(k), v)) {
        changed.put(k, v);
      }
    });
    if (changed.isEmpty()) {
      return;
    }
    // Parcours writes its own context variables, not the user: her group may work on the task
    // (TASK_WORK on the procedure) but holds no right to change its variables
    IdentityService ids = identities.getObject();
    var authentication = ids.getCurrentAuthentication();
    ids.clearAuthentication();
    try {
      ts.setVariablesLocal(task.id(), changed);
    } finally {
      if (authentication != null) {
        ids.setAuthentication(authentication);
      }
    }
  }

  /**
   * Why this task cannot be completed with these values, in French; empty when it can. {@code current}
   * are the variables the task sees now, {@code submitted} those of the form being sent (only those
   * are checked as dates: an older date of the process was checked when it was entered).
   */
  Optional<String> refusal(String processKey, String definitionKey, String formId, Long dossierId,
      Map<String, Object> current, Map<String, Object> submitted) {
    List<FormDates.Field> dateFields = formId == null ? List.of() : forms.dateFields(formId);
    if (!dateFields.isEmpty()) {
      try {
        FormDates.checkAll(dateFields, submitted, known(dossierId, current));
      } catch (FormDates.Refused e) {
        return Optional.of(e.getMessage());
      }
    }
    if (dossierId != null && COLLECT_DOCUMENTS.equals(definitionKey) && PROCEDURES.contains(processKey)) {
      List<String> missing = context.missingLabels(dossierId);
      if (!missing.isEmpty()) {
        return Optional.of("Cette tâche ne peut pas encore être terminée : " + (missing.size() == 1
            ? "il manque encore un document : " : "il manque encore " + missing.size() + " documents : ")
            + String.join(" ; ", missing) + ". Enregistrez chaque document reçu dans le dossier (lien « Ouvrir "
            + "le dossier »), puis terminez la tâche. Un document refusé ou expiré compte comme manquant.");
      }
    }
    return Optional.empty();
  }

  /** The submitted dates as ISO strings (yyyy-mm-dd), as the procedures read them; assumes {@link #refusal} passed. */
  Map<String, String> isoDates(String formId, Long dossierId, Map<String, Object> current, Map<String, Object> submitted) {
    List<FormDates.Field> dateFields = formId == null ? List.of() : forms.dateFields(formId);
    Map<String, String> iso = new HashMap<>();
    FormDates.checkAll(dateFields, submitted, known(dossierId, current))
        .forEach((k, d) -> iso.put(k, d.toString()));
    return iso;
  }

  private FormDates.Known known(Long dossierId, Map<String, Object> current) {
    LocalDate opened = dossierId == null ? null : context.openedOn(dossierId).orElse(null);
    LocalDate filed = null;
    for (String k : FormDates.FILING_KEYS) {
      try {
        filed = FormDates.read(k, current.get(k)).orElse(filed);
      } catch (FormDates.Refused ignored) {
        // an old unreadable value does not block today's form
      }
    }
    return new FormDates.Known(context.today(), opened, filed);
  }
}
