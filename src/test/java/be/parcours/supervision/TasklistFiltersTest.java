package be.parcours.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.security.Groups;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TasklistFiltersTest extends SupervisionTestBase {

  @Autowired
  TasklistFilters filters;

  @AfterEach
  void logout() {
    engine.getIdentityService().clearAuthentication();
  }

  List<String> visibleTo(String user, String... groups) {
    engine.getIdentityService().setAuthentication(user, List.of(groups));
    try {
      return engine.getFilterService().createFilterQuery().list().stream().map(Filter::getName).sorted().toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void each_group_sees_its_own_filters_in_french() {
    assertThat(visibleTo("demo-caseworker", Groups.CASEWORKERS))
        .containsExactlyInAnyOrder("Mes tâches", "Mon équipe", "En retard", "Échéance dans 7 jours", "Alertes");
    assertThat(visibleTo("demo-legal", Groups.LEGAL))
        .containsExactlyInAnyOrder("Mes tâches", "Mon équipe", "En retard", "Échéance dans 7 jours",
            "Juristes — à examiner", "Alertes");
    assertThat(visibleTo("demo-supervisor", Groups.SUPERVISORS))
        .containsExactlyInAnyOrder("Mes tâches", "Mon équipe", "En retard", "Échéance dans 7 jours",
            "Juristes — à examiner", "Alertes");
    // reception never sees the facts an alert tells
    assertThat(visibleTo("demo-reception", Groups.RECEPTION))
        .containsExactlyInAnyOrder("Mes tâches", "Mon équipe", "En retard", "Échéance dans 7 jours");
    assertThat(visibleTo("someone-else")).isEmpty();
  }

  @Test
  void sync_is_idempotent_and_carries_no_expression() {
    long before = engine.getFilterService().createFilterQuery().count();
    Map<String, String> first = filters.sync();
    Map<String, String> second = filters.sync();
    assertThat(second).isEqualTo(first);
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(before);
    long grants = engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.FILTER).count();
    filters.sync();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.FILTER).count()).isEqualTo(grants);
    for (Filter f : engine.getFilterService().createFilterQuery().list()) {
      var query = (org.camunda.bpm.engine.impl.TaskQueryImpl) f.getQuery();
      assertThat(query.getExpressions()).as(f.getName()).isEmpty();
    }
  }

  @Test
  void the_filters_select_the_right_tasks() {
    var f = fixtures();
    var overdue = f.startProcess(f.dossier("visa", "VI", "FilterOverdue"), 3, Instant.now().minusSeconds(3_600));
    var dueSoon = f.startProcess(f.dossier("visa", "VI", "FilterSoon"), 1, Instant.now().plusSeconds(3 * 86_400));
    var dueLater = f.startProcess(f.dossier("visa", "VI", "FilterLater"), 1, Instant.now().plusSeconds(30 * 86_400));
    var ts = engine.getTaskService();
    ts.setAssignee(ts.createTaskQuery().processInstanceId(dueLater.processInstanceId()).singleResult().getId(),
        "demo-caseworker");
    Map<String, String> ids = filters.sync(); // moves the date bounds to now
    var fs = engine.getFilterService();
    List<String> overdueRefs = refs(fs.list(ids.get("en-retard:" + Groups.CASEWORKERS)));
    assertThat(overdueRefs).contains(overdue.processInstanceId()).doesNotContain(dueSoon.processInstanceId(),
        dueLater.processInstanceId());
    assertThat(refs(fs.list(ids.get("echeance-7j:" + Groups.CASEWORKERS)))).contains(dueSoon.processInstanceId())
        .doesNotContain(overdue.processInstanceId(), dueLater.processInstanceId());
    assertThat(refs(fs.list(ids.get("mes-taches:demo-caseworker")))).containsExactly(dueLater.processInstanceId());
    assertThat(refs(fs.list(ids.get("mon-equipe:" + Groups.CASEWORKERS))))
        .contains(overdue.processInstanceId(), dueSoon.processInstanceId(), dueLater.processInstanceId());
    assertThat(refs(fs.list(ids.get("juristes-a-examiner")))).doesNotContain(overdue.processInstanceId());
    assertThat(refs(fs.list(ids.get("en-retard:" + Groups.SUPERVISORS)))).contains(overdue.processInstanceId());
  }

  @Test
  void a_filter_is_readable_only_by_its_group_and_mes_taches_only_by_its_user() {
    Map<String, String> ids = filters.sync();
    var auth = engine.getAuthorizationService();
    assertThat(auth.createAuthorizationQuery().resourceId(ids.get("mes-taches:demo-caseworker")).list())
        .singleElement().satisfies(a -> {
          assertThat(a.getUserId()).isEqualTo("demo-caseworker");
          assertThat(a.getGroupId()).isNull();
        });
    assertThat(auth.createAuthorizationQuery().resourceId(ids.get("juristes-a-examiner")).list())
        .extracting(a -> a.getGroupId()).containsExactlyInAnyOrder(Groups.LEGAL, Groups.SUPERVISORS);
    assertThat(auth.createAuthorizationQuery().resourceType(org.camunda.bpm.engine.authorization.Resources.FILTER)
        .resourceId("*").groupIdIn(TasklistFilters.TASK_GROUPS.toArray(String[]::new)).count()).isZero();
  }

  static List<String> refs(List<org.camunda.bpm.engine.task.Task> tasks) {
    return tasks.stream().map(org.camunda.bpm.engine.task.Task::getProcessInstanceId).toList();
  }
}
