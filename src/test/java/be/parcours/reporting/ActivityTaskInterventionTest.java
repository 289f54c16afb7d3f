package be.parcours.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.parcours.testsupport.ParcoursSpringTest;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Completing a Tasklist task with the form fields interventionType / interventionMinutes /
 * interventionNote records the intervention on the process's dossier (by business key), once,
 * and removes the three variables; a form cannot point it at another dossier.
 */
@ParcoursSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityTaskInterventionTest {

  static final String PROCESS = "ActivityInterventionTest";

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  org.camunda.bpm.engine.HistoryService historyService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Clock clock;

  @BeforeAll
  void deploy() {
    var model = Bpmn.createExecutableProcess(PROCESS).name("Test interventions").camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Interview").name("Entretien")
        .userTask("Task_FollowUp").name("Suivi")
        .endEvent().done();
    repositoryService.createDeployment().name("activity-test").addModelInstance(PROCESS + ".bpmn", model).deploy();
  }

  @AfterEach
  void clearAuthentication() {
    identityService.clearAuthentication();
  }

  @Test
  void the_completed_task_records_its_intervention_on_the_process_dossier_and_forgets_the_fields() {
    long dossier = dossier();
    long other = dossier();
    String instance = start(dossier);
    Task task = currentTask(instance);
    taskService.setAssignee(task.getId(), "rpt-caseworker");

    Map<String, Object> form = new HashMap<>();
    form.put("interventionType", "INTERVIEW");
    form.put("interventionMinutes", "45");
    form.put("interventionNote", "Premier entretien");
    form.put("dossierId", other); // a tampered form: the intervention still goes to the process's dossier
    taskService.complete(task.getId(), form);

    List<Map<String, Object>> rows = interventions(dossier);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).containsEntry("TYPE", "INTERVIEW").containsEntry("MINUTES", 45)
        .containsEntry("NOTE", "Premier entretien").containsEntry("CREATED_BY", "rpt-caseworker");
    assertThat(((java.sql.Date) rows.get(0).get("HAPPENED_ON")).toLocalDate()).isEqualTo(LocalDate.now(clock));
    assertThat(interventions(other)).isEmpty();
    assertThat(runtimeService.getVariables(instance)).doesNotContainKeys("interventionType", "interventionMinutes",
        "interventionNote");

    // the next task, completed without the fields, records nothing more
    taskService.complete(currentTask(instance).getId());
    assertThat(interventions(dossier)).hasSize(1);
  }

  @Test
  void without_an_assignee_the_user_completing_the_task_is_the_author() {
    long dossier = dossier();
    String instance = start(dossier);
    identityService.setAuthentication("rpt-admin", List.of("camunda-admin"));

    taskService.complete(currentTask(instance).getId(), Map.of("interventionType", "phone"));

    assertThat(interventions(dossier)).singleElement().satisfies(row -> {
      assertThat(row).containsEntry("TYPE", "PHONE").containsEntry("CREATED_BY", "rpt-admin");
      assertThat(row.get("MINUTES")).isNull();
    });
  }

  @Test
  void an_empty_intervention_field_records_nothing() {
    long dossier = dossier();
    String instance = start(dossier);

    taskService.complete(currentTask(instance).getId(), Map.of("interventionType", "", "interventionNote", " "));
    // the forms' explicit choice "Aucune intervention à noter"
    taskService.complete(currentTask(instance).getId(), Map.of("interventionType", "NONE", "interventionMinutes", 10));

    assertThat(interventions(dossier)).isEmpty();
    assertThat(historicVariables(instance)).doesNotContain("interventionType", "interventionMinutes",
        "interventionNote");
  }

  @Test
  void an_unknown_type_refuses_the_completion_and_records_nothing() {
    long dossier = dossier();
    String instance = start(dossier);
    Task task = currentTask(instance);

    assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("interventionType", "COFFEE")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("COFFEE");
    assertThatThrownBy(() -> taskService.complete(task.getId(),
        Map.of("interventionType", "PHONE", "interventionMinutes", "2000"))).hasMessageContaining("1440");

    assertThat(interventions(dossier)).isEmpty();
    assertThat(currentTask(instance).getId()).isEqualTo(task.getId());
  }

  private String start(long dossierId) {
    String reference = jdbc.queryForObject("select reference from dossier where id = ?", String.class, dossierId);
    return runtimeService.startProcessInstanceByKey(PROCESS, reference, Map.of("dossierId", dossierId)).getId();
  }

  private List<String> historicVariables(String instance) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list().stream()
        .filter(v -> !"deleted".equalsIgnoreCase(v.getState())).map(v -> v.getName()).toList();
  }

  private Task currentTask(String instance) {
    return taskService.createTaskQuery().processInstanceId(instance).singleResult();
  }

  private List<Map<String, Object>> interventions(long dossierId) {
    return jdbc.queryForList("select type, minutes, note, created_by, happened_on from intervention "
        + "where dossier_id = ?", dossierId);
  }

  private long dossier() {
    var keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("insert into beneficiary (first_name, last_name, created_at) "
          + "values ('Test', 'Tâche', ?)", new String[] {"id"});
      ps.setTimestamp(1, Timestamp.from(Instant.now()));
      return ps;
    }, keys);
    long beneficiary = keys.getKey().longValue();
    long id = ActivityDataSet.nextDossierId(jdbc);
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("insert into dossier (id, reference, procedure_code, status, beneficiary_id, opened_on, reference_date, "
        + "created_by, created_at, updated_at) values (?, ?, 'visa', 'OPEN', ?, ?, ?, 'rpt-test', ?, ?)", id,
        "RPT-T-" + id, beneficiary, LocalDate.now(clock), LocalDate.now(clock), now, now);
    return id;
  }
}
