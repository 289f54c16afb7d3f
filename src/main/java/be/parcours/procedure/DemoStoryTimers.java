package be.parcours.procedure;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: lets {@link DemoStory} tell its three-year story while the job executor runs.
 * The story's business dates are in the past, so the legal deadlines its procedures compute (the
 * decision period, the appeal period, the visa collection…) are past too: their timers would be due
 * the moment they are created, and the job executor would fire them before the story records the
 * decision that came "on time". A timer that is already due when it is created, in a procedure the
 * story tells (its root process instance carries {@link #STORY_VARIABLE}), is therefore created
 * <em>suspended</em>, in the same transaction (no window in which the job executor could acquire
 * it). The story activates it through the engine's API when its ending is that the period passed
 * ({@code ManagementService#activateJobById}), and the job executor then fires it as any due timer.
 * Every other timer (other dossiers, future due dates) is untouched.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = {"parcours.demo.dossiers", "parcours.demo.story"}, havingValue = "true",
    matchIfMissing = true)
class DemoStoryTimers extends AbstractProcessEnginePlugin {

  /** Set by the story on the procedure's root process instance, right after the dossier is opened. */
  static final String STORY_VARIABLE = "parcoursDemoStory";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return JobManager.class;
      }

      @Override
      public Session openSession() {
        return new StoryJobManager();
      }
    });
  }

  /** The engine's job manager, but a story's timer that is due at its creation is created suspended. */
  static class StoryJobManager extends JobManager {
    @Override
    public void schedule(TimerEntity timer) {
      if (timer.getDuedate() != null && !timer.getDuedate().after(ClockUtil.getCurrentTime())
          && toldByTheStory(timer.getExecution())) {
        timer.setSuspensionState(SuspensionState.SUSPENDED.getStateCode());
      }
      super.schedule(timer);
    }
  }

  static boolean toldByTheStory(ExecutionEntity execution) {
    ExecutionEntity instance = execution == null ? null : execution.getProcessInstance();
    for (int depth = 0; instance != null && depth < 10; depth++) {
      ExecutionEntity parent = instance.getSuperExecution();
      if (parent == null) {
        return Boolean.TRUE.equals(instance.getVariableLocal(STORY_VARIABLE));
      }
      instance = parent.getProcessInstance();
    }
    return false;
  }
}
