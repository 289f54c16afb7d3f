package be.parcours.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates the organisation's groups and their Camunda authorizations at start-up, idempotently, in
 * every profile: which webapp each group opens, what it may read in Cockpit and Tasklist, and its
 * rights on the procedures' tasks (by group, not per task: GroupTaskAuthorizationProvider).
 */
@Component
class IdentityInitializer {

  private static final Logger log = LoggerFactory.getLogger(IdentityInitializer.class);
  private static final String ANY = Authorization.ANY;

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final GroupsProperties groups;
  private final JdbcTemplate jdbc;

  IdentityInitializer(IdentityService identityService, AuthorizationService authorizationService,
      GroupsProperties groups, JdbcTemplate jdbc) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.groups = groups;
    this.jdbc = jdbc;
  }

  @EventListener
  @Order(0)
  public void onReady(ApplicationReadyEvent event) {
    groups.groups().forEach(this::ensureGroup);
    for (String g : List.of(Groups.CASEWORKERS, Groups.LEGAL, Groups.SUPERVISORS, Groups.RECEPTION)) {
      grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // task rights by group, once, on the procedures (GroupTaskAuthorizationProvider): read their tasks,
      // claim and complete them — TaskGroupGuardPlugin keeps claiming and completing to the task's group
      grant(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK);
      // READ on the tasks themselves: the engine checks it (not READ_TASK) for a task's local variables,
      // which the Tasklist cards show (person, reference); the same tasks as READ_TASK, no per-task row
      grant(g, Resources.TASK, ANY, TaskPermissions.READ);
      // Tasklist filters: READ is granted per filter and per group by be.parcours.supervision.TasklistFilters.
    }
    // Nobody but the administrators starts or changes a procedure through the engine: dossiers are
    // opened in Parcours, which starts the procedure itself. Databases set up by earlier versions
    // held these grants for caseworkers and reception: they are taken back.
    for (String g : List.of(Groups.CASEWORKERS, Groups.LEGAL, Groups.SUPERVISORS, Groups.RECEPTION)) {
      revoke(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.CREATE_INSTANCE,
          ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.DELETE_INSTANCE,
          ProcessDefinitionPermissions.MIGRATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE);
      revoke(g, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE, ProcessInstancePermissions.UPDATE,
          ProcessInstancePermissions.DELETE, ProcessInstancePermissions.UPDATE_VARIABLE);
    }
    // Supervisors watch delays in Cockpit and reassign work in Tasklist.
    grant(Groups.SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.SUPERVISORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.UPDATE_TASK);
    grant(Groups.SUPERVISORS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(Groups.SUPERVISORS, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.UPDATE);
    grant(Groups.SUPERVISORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(Groups.SUPERVISORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(Groups.SUPERVISORS, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    grant(Groups.SUPERVISORS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    int perTask = jdbc.update("delete from ACT_RU_AUTHORIZATION where TYPE_ = 1 and RESOURCE_TYPE_ = ? and RESOURCE_ID_ in "
        + "(select ID_ from ACT_RU_TASK where PROC_DEF_ID_ is not null)", Resources.TASK.resourceType());
    if (perTask > 0) {
      // databases of earlier versions: the engine's grant per task, replaced by the groups' rights above
      log.warn("Removed {} per-task grants written by the engine's default authorization provider", perTask);
    }
    log.info("Groups and authorizations ensured: {}", groups.groups().keySet());
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .singleResult();
    Authorization auth = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      auth.setGroupId(group);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission p : permissions) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(auth);
    }
  }

  private void revoke(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .singleResult();
    if (existing == null) {
      return;
    }
    boolean changed = false;
    for (Permission p : permissions) {
      if (existing.isPermissionGranted(p)) {
        existing.removePermission(p);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(existing);
      log.warn("Revoked {} of group {} on {} {}", java.util.Arrays.toString(permissions), group, resource.resourceName(),
          resourceId);
    }
  }

  /** {@code parcours.security.groups}: group id → display name. */
  @ConfigurationProperties("parcours.security")
  record GroupsProperties(Map<String, String> groups) {}
}
