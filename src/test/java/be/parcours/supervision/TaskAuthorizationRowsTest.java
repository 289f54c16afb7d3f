package be.parcours.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

/**
 * The engine writes no authorization row per task of a procedure (security.GroupTaskAuthorizationProvider):
 * not for its candidate group, its assignee or its owner. The queue's authorization join then reads the
 * groups' few rights on the procedures, whatever the number of open tasks (docs/benchmarks.md); the
 * scale benchmark generates no per-task row either, as production now holds none.
 */
class TaskAuthorizationRowsTest extends SupervisionTestBase {

  @Test
  void the_engine_writes_no_grant_per_task_for_its_group_its_assignee_or_its_owner() {
    var f = fixtures();
    var d = f.startProcess(f.dossier("family-reunification", "RF", "Autorisations"), 0, null);
    String task = engine.getTaskService().createTaskQuery().processInstanceId(d.processInstanceId()).singleResult()
        .getId();
    assertThat(engine.getTaskService().getIdentityLinksForTask(task)).isNotEmpty(); // its candidate group
    assertThat(grantsOn(task)).isZero();

    engine.getTaskService().setAssignee(task, "cw-autorisations");
    engine.getTaskService().setOwner(task, "cw-proprietaire");
    assertThat(grantsOn(task)).isZero();

    engine.getTaskService().complete(task);
    assertThat(grantsOn(task)).isZero();
  }

  private int grantsOn(String taskId) {
    return jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = ? "
        + "and RESOURCE_ID_ = ?", Integer.class, Resources.TASK.resourceType(), taskId);
  }
}
