package be.parcours.security;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Task rights by group, not by task (issue #15, docs/security.md « Task rights by group »). The
 * engine's default provider writes, for every task of a procedure, a grant to each candidate group
 * and one to the assignee and the owner: at 50,000 dossiers that is tens of thousands of rows, and
 * the queue « Mon équipe » joins them with an OR the database cannot hash — its count never ends.
 * Here the groups hold their rights once (READ_TASK and TASK_WORK on the procedures' definitions,
 * READ on the tasks, {@link IdentityInitializer}), and {@link TaskGroupGuardPlugin} keeps claiming, changing and
 * completing a task to the members of its candidate groups (supervisors reassign). Grants to a
 * candidate user, which the procedures do not use, stay as the engine writes them.
 */
class GroupTaskAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    return task.getProcessDefinitionId() == null ? super.newTaskGroupIdentityLink(task, groupId, type) : null;
  }

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    return task.getProcessDefinitionId() == null ? super.newTaskAssignee(task, oldAssignee, newAssignee) : null;
  }

  @Override
  public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
    return task.getProcessDefinitionId() == null ? super.newTaskOwner(task, oldOwner, newOwner) : null;
  }
}
