package be.parcours.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task work stays with the task's candidate group, whatever the way in (Tasklist, Camunda REST, the
 * webapps' engine API, Java): at completion the authenticated user must be a member of one of the
 * task's candidate groups, a candidate user, or an administrator — otherwise the engine refuses with
 * an {@link AuthorizationException} (REST: 403) and a French message; claiming or changing the task
 * is for the same people and the supervisors. The groups' engine rights on tasks are held once, not
 * per task ({@link GroupTaskAuthorizationProvider}). A supervisor may still hand a task to someone
 * outside its group (Tasklist "assign"): the reassignment is recorded as a comment on the task
 * (visible in Tasklist's history) and in the log, but that person cannot complete it.
 * Parcours's own operations run without an authenticated engine user and are not concerned.
 */
@Component
class TaskGroupGuardPlugin extends AbstractProcessEnginePlugin {

  static final String REFUSAL = "Seul un membre du groupe";
  private static final Logger log = LoggerFactory.getLogger(TaskGroupGuardPlugin.class);
  /** Adding the comment fires the task's assignment listeners again: record once. */
  private static final ThreadLocal<Boolean> RECORDING = ThreadLocal.withInitial(() -> false);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
    }
    // task rights by group on the procedures' definitions, no grant per task (GroupTaskAuthorizationProvider)
    configuration.setResourceAuthorizationProvider(new GroupTaskAuthorizationProvider());
    TaskListener onComplete = TaskGroupGuardPlugin::checkCompletion;
    TaskListener onUpdate = TaskGroupGuardPlugin::checkChange;
    TaskListener onAssignment = TaskGroupGuardPlugin::recordAssignment;
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, onUpdate);
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, onAssignment);
        }
      }
    });
  }

  static void checkCompletion(DelegateTask task) {
    ensureMember(task, false, " peut terminer cette tâche ; ", "complete it");
  }

  /**
   * A change of the task (claim, unclaim, assignee, due date, comment…) by a user of the webapps or the
   * REST API: members of its candidate groups, supervisors (who reassign work) and administrators only.
   * The groups' TASK_WORK right lies on the procedures' definitions, so this check is what keeps a
   * caseworker from claiming a jurists' review.
   */
  static void checkChange(DelegateTask task) {
    ensureMember(task, true, " peut prendre ou modifier cette tâche ; ", "claim or change it");
  }

  private static void ensureMember(DelegateTask task, boolean supervisorsToo, String may, String mayEnglish) {
    CommandContext context = Context.getCommandContext();
    Authentication authentication = context == null ? null : context.getAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return; // Parcours's own operation or a job
    }
    String user = authentication.getUserId();
    Set<String> groups = candidateGroups(task);
    Set<String> users = candidateUsers(task);
    if (groups.isEmpty() && users.isEmpty()) {
      return; // a task for its assignee only
    }
    Set<String> memberOf = groupsOf(context, user, authentication.getGroupIds());
    if (users.contains(user) || memberOf.contains(Groups.ADMINS) || memberOf.stream().anyMatch(groups::contains)
        || supervisorsToo && memberOf.contains(Groups.SUPERVISORS)) {
      return;
    }
    throw new AuthorizationException(REFUSAL + " " + names(context, groups) + may + user
        + " n'en fait pas partie (only a member of the task's candidate group may " + mayEnglish + ").");
  }

  static void recordAssignment(DelegateTask task) {
    String assignee = task.getAssignee();
    CommandContext context = Context.getCommandContext();
    Set<String> groups = candidateGroups(task);
    if (RECORDING.get() || assignee == null || context == null || groups.isEmpty()
        || candidateUsers(task).contains(assignee)) {
      return;
    }
    Set<String> memberOf = groupsOf(context, assignee, null);
    if (memberOf.stream().anyMatch(groups::contains)) {
      return;
    }
    Authentication authentication = context.getAuthentication();
    String by = authentication == null || authentication.getUserId() == null ? "Parcours" : authentication.getUserId();
    String message = "Tâche attribuée à " + assignee + " par " + by + ", hors du groupe " + names(context, groups)
        + " : seul un membre de ce groupe pourra la terminer.";
    log.warn("Task {} ({}) assigned outside its candidate groups {}: {} by {}", task.getId(),
        task.getTaskDefinitionKey(), groups, assignee, by);
    RECORDING.set(true);
    try {
      context.runWithoutAuthorization(() -> Context.getProcessEngineConfiguration().getTaskService()
          .createComment(task.getId(), task.getProcessInstanceId(), message));
    } finally {
      RECORDING.remove();
    }
  }

  private static Set<String> candidateGroups(DelegateTask task) {
    Set<String> groups = new HashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }

  private static Set<String> candidateUsers(DelegateTask task) {
    Set<String> users = new HashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
        users.add(link.getUserId());
      }
    }
    return users;
  }

  private static Set<String> groupsOf(CommandContext context, String user, List<String> known) {
    if (known != null && !known.isEmpty()) {
      return new HashSet<>(known);
    }
    return context.runWithoutAuthorization(() -> {
      Set<String> ids = new HashSet<>();
      for (Group g : Context.getProcessEngineConfiguration().getIdentityService().createGroupQuery()
          .groupMember(user).list()) {
        ids.add(g.getId());
      }
      return ids;
    });
  }

  private static String names(CommandContext context, Set<String> groups) {
    return context.runWithoutAuthorization(() -> {
      List<String> names = new java.util.ArrayList<>();
      for (String id : new java.util.TreeSet<>(groups)) {
        Group g = Context.getProcessEngineConfiguration().getIdentityService().createGroupQuery().groupId(id)
            .singleResult();
        names.add("« " + (g == null || g.getName() == null ? id : g.getName()) + " »");
      }
      return String.join(" ou ", names);
    });
  }
}
