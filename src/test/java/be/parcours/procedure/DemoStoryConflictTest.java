package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** Which failures of a story step mean « the job executor was on the same procedure »: run the step again. */
class DemoStoryConflictTest {

  @Test
  void optimistic_locking_and_a_foreign_key_violation_are_conflicts_other_failures_are_not() {
    assertThat(DemoStory.metTheJobExecutor(new OptimisticLockingException("ENGINE-03005"))).isTrue();
    var fk = new SQLException("insert or update on table \"act_ru_variable\" violates foreign key constraint "
        + "\"act_fk_var_exe\"", "23503");
    assertThat(DemoStory.metTheJobExecutor(new ProcessEngineException("flush failed",
        new RuntimeException("batch", fk)))).isTrue();

    assertThat(DemoStory.metTheJobExecutor(new ProcessEngineException("unique",
        new SQLException("duplicate key value", "23505")))).isFalse();
    assertThat(DemoStory.metTheJobExecutor(new IllegalStateException("no task Task_Intake for RF-2024-0001")))
        .isFalse();
  }
}
