package be.parcours.supervision;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import be.parcours.security.Groups;
import be.parcours.shared.TimeConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The ready-made Tasklist filters ("Mes tâches", "Mon équipe", "En retard", "Échéance dans 7
 * jours", "Juristes — à examiner"), created at start-up, idempotently, each readable only by the
 * groups (or the user) it is made for.
 *
 * <p>No filter carries an expression: stored-query expressions stay disabled (7.24 advisory) and
 * users cannot create or change filters. What an expression would have computed is computed here:
 * "Mes tâches" is one filter per user (assignee = that user, readable by that user only), "Mon
 * équipe" one per group (candidate group), and the date bounds of "En retard" and "Échéance dans 7
 * jours" are fixed instants that a job moves forward every {@code parcours.supervision.filter-refresh}
 * (10 minutes by default), which also picks up new users.
 */
@Component
class TasklistFilters {

  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

  /** Filter property holding our key; filters without it (made by an admin) are left alone. */
  static final String KEY = "parcoursFilter";
  static final String MY_TASKS = "Mes tâches";
  static final String MY_TEAM = "Mon équipe";
  static final String OVERDUE = "En retard";
  static final String DUE_SOON = "Échéance dans 7 jours";
  static final String LEGAL_REVIEW = "Juristes — à examiner";
  /** Tasks of dossiers with a legal-risk alert (flagged by be.parcours.alerts.AlertProcessFlags). */
  static final String ALERTS = "Alertes";

  /** Groups that work tasks in Tasklist. */
  static final List<String> TASK_GROUPS = List.of(Groups.CASEWORKERS, Groups.LEGAL, Groups.RECEPTION, Groups.SUPERVISORS);
  /** The teams whose queues supervisors oversee. */
  static final List<String> TEAMS = List.of(Groups.CASEWORKERS, Groups.LEGAL, Groups.RECEPTION);

  /** A filter as it must be: key, name, who reads it, and its criteria (given now). */
  record Spec(String key, String name, String description, int priority, Set<String> groups, String user,
      Function<TaskQuery, TaskQuery> criteria) {}

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final IdentityService identityService;
  private final Clock clock;

  TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
      IdentityService identityService, Clock clock) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.identityService = identityService;
    this.clock = clock;
  }

  @EventListener
  @Order(10) // after the groups (IdentityInitializer) and the demo users
  public void onReady(ApplicationReadyEvent event) {
    // in a cluster another node's scheduled refresh may write the same filters at this moment
    // (optimistic-locking conflict, or a grant created twice): the work is the same, do it again
    for (int attempt = 1; ; attempt++) {
      try {
        sync();
        return;
      } catch (RuntimeException e) {
        if (attempt == 5) {
          throw e;
        }
        log.info("Tasklist filters written by another node at the same moment ({}); again", e.toString());
        try {
          Thread.sleep(200L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  @Scheduled(initialDelayString = "${parcours.supervision.filter-refresh:PT10M}",
      fixedDelayString = "${parcours.supervision.filter-refresh:PT10M}")
  // once per period across the nodes of a cluster (be.parcours.cluster, docs/cluster.md)
  @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "tasklist-filters-refresh",
      lockAtLeastFor = "${parcours.supervision.filter-refresh:PT10M}")
  public void refresh() {
    try {
      sync();
    } catch (RuntimeException e) {
      log.warn("Tasklist filters not refreshed: {}", e.toString());
    }
  }

  /** Creates, updates or removes our filters so they match {@link #specs()}; returns the filter ids by key. */
  synchronized Map<String, String> sync() {
    revokeBlanketFilterRead();
    Map<String, Filter> existing = new HashMap<>();
    List<Filter> duplicates = new ArrayList<>();
    for (Filter f : filterService.createFilterQuery().filterResourceType(EntityTypes.TASK).list()) {
      Object key = f.getProperties() == null ? null : f.getProperties().get(KEY);
      if (key != null) {
        Filter twin = existing.putIfAbsent(key.toString(), f);
        if (twin != null) { // written twice by two nodes at the same moment: keep one
          duplicates.add(f);
        }
      }
    }
    for (Filter twin : duplicates) {
      delete(twin);
    }
    Map<String, String> ids = new LinkedHashMap<>();
    for (Spec spec : specs()) {
      Filter filter = existing.remove(spec.key());
      if (filter == null) {
        filter = filterService.newTaskFilter(spec.name());
      }
      filter.setName(spec.name());
      filter.setQuery(spec.criteria().apply(taskService.createTaskQuery()));
      filter.setProperties(properties(spec));
      filter = filterService.saveFilter(filter);
      grantOnly(filter.getId(), spec);
      ids.put(spec.key(), filter.getId());
    }
    for (Filter stale : existing.values()) { // e.g. "Mes tâches" of a user who left the groups
      delete(stale);
    }
    log.debug("Tasklist filters synchronised: {}", ids.keySet());
    return ids;
  }

  private void delete(Filter filter) {
    filterService.deleteFilter(filter.getId());
    authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId()).list()
        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
  }

  List<Spec> specs() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    LocalDate today = LocalDate.now(clock);
    Date nowDate = Date.from(now);
    Date inSevenDays = Date.from(today.plusDays(8).atStartOfDay(TimeConfig.BRUSSELS).toInstant());
    List<Spec> specs = new ArrayList<>();
    for (String user : taskUsers()) {
      specs.add(new Spec("mes-taches:" + user, MY_TASKS, "Les tâches qui me sont assignées", -5, Set.of(), user,
          q -> q.taskAssignee(user)));
    }
    for (String team : TEAMS) {
      specs.add(new Spec("mon-equipe:" + team, MY_TEAM, "Les tâches de l'équipe « " + team + " »", -10, Set.of(team), null,
          q -> q.taskCandidateGroup(team).includeAssignedTasks()));
      specs.add(new Spec("en-retard:" + team, OVERDUE, "Tâches de l'équipe « " + team + " » dont l'échéance est passée",
          10, Set.of(team), null, q -> q.taskCandidateGroup(team).includeAssignedTasks().dueBefore(nowDate)));
      specs.add(new Spec("echeance-7j:" + team, DUE_SOON,
          "Tâches de l'équipe « " + team + " » à échéance d'ici 7 jours", 20, Set.of(team), null,
          q -> q.taskCandidateGroup(team).includeAssignedTasks().dueAfter(nowDate).dueBefore(inSevenDays)));
    }
    // Supervisors oversee every team.
    String sup = Groups.SUPERVISORS;
    specs.add(new Spec("mon-equipe:" + sup, MY_TEAM, "Les tâches de toutes les équipes", -10, Set.of(sup), null,
        q -> q.taskCandidateGroupIn(teamsAnd(sup)).includeAssignedTasks()));
    specs.add(new Spec("en-retard:" + sup, OVERDUE, "Toutes les tâches dont l'échéance est passée", 10, Set.of(sup),
        null, q -> q.dueBefore(nowDate)));
    specs.add(new Spec("echeance-7j:" + sup, DUE_SOON, "Toutes les tâches à échéance d'ici 7 jours", 20, Set.of(sup),
        null, q -> q.dueAfter(nowDate).dueBefore(inSevenDays)));
    for (String team : TEAMS) {
      if (!team.equals(Groups.RECEPTION)) { // reception never sees the facts an alert tells
        specs.add(new Spec("alertes:" + team, ALERTS, "Tâches de l'équipe « " + team + " » dont le dossier a un risque juridique",
            5, Set.of(team), null, q -> q.taskCandidateGroup(team).includeAssignedTasks()
                .processVariableValueEquals(be.parcours.alerts.AlertProcessFlags.VARIABLE, true)));
      }
    }
    specs.add(new Spec("alertes:" + sup, ALERTS, "Toutes les tâches dont le dossier a un risque juridique", 5, Set.of(sup),
        null, q -> q.processVariableValueEquals(be.parcours.alerts.AlertProcessFlags.VARIABLE, true)));
    specs.add(new Spec("juristes-a-examiner", LEGAL_REVIEW, "Dossiers en attente d'examen par un juriste (non assignés)",
        30, new LinkedHashSet<>(List.of(Groups.LEGAL, sup)), null, q -> q.taskCandidateGroup(Groups.LEGAL)));
    return specs;
  }

  private static List<String> teamsAnd(String group) {
    List<String> all = new ArrayList<>(TEAMS);
    all.add(group);
    return all;
  }

  /** Members of the task groups, each of whom gets a "Mes tâches". */
  private Set<String> taskUsers() {
    Set<String> users = new java.util.TreeSet<>();
    for (String g : TASK_GROUPS) {
      identityService.createUserQuery().memberOfGroup(g).list().stream().map(User::getId).forEach(users::add);
    }
    return users;
  }

  private static Map<String, Object> properties(Spec spec) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(KEY, spec.key());
    p.put("description", spec.description());
    p.put("priority", spec.priority());
    p.put("refresh", true);
    // Task cards show the person and the dossier: task-local variables of each task (TaskFormContext), read
    // only by those who can read the task (its team, its assignee, supervisors), never the facts.
    p.put("variables", List.of(Map.of("name", "beneficiaryName", "label", "Personne"),
        Map.of("name", "dossierReference", "label", "Dossier"),
        Map.of("name", be.parcours.alerts.AlertProcessFlags.MESSAGE_VARIABLE, "label", "Alerte")));
    return p;
  }

  /** READ on this filter for exactly the spec's groups (or user); any other grant on it is removed. */
  private void grantOnly(String filterId, Spec spec) {
    Set<String> groupsLeft = new LinkedHashSet<>(spec.groups());
    boolean userGranted = spec.user() == null;
    for (Authorization a : authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filterId).list()) {
      boolean wanted = a.getAuthorizationType() == AUTH_TYPE_GRANT
          && (a.getGroupId() != null ? groupsLeft.remove(a.getGroupId()) : Objects.equals(a.getUserId(), spec.user()))
          && a.isPermissionGranted(Permissions.READ);
      if (!wanted) {
        authorizationService.deleteAuthorization(a.getId());
      } else if (a.getUserId() != null) {
        userGranted = true;
      }
    }
    for (String g : groupsLeft) {
      save(filterId, g, null);
    }
    if (!userGranted) {
      save(filterId, null, spec.user());
    }
  }

  private void save(String filterId, String group, String user) {
    Authorization auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    auth.setResource(Resources.FILTER);
    auth.setResourceId(filterId);
    auth.setGroupId(group);
    auth.setUserId(user);
    auth.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(auth);
  }

  /** Databases initialised before per-filter grants had "every filter" READ for the task groups: remove it. */
  private void revokeBlanketFilterRead() {
    for (String g : TASK_GROUPS) {
      authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(g)
          .resourceType(Resources.FILTER).resourceId(Authorization.ANY).list()
          .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    }
  }
}
