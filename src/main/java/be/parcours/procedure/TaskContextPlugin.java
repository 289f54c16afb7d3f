package be.parcours.procedure;

import be.parcours.shared.ProcessVariables;
import be.parcours.tasklist.TaskFormContext;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every procedure the dossier context its form shows (person, last
 * verdict, missing documents by label, next legal deadline, the link to the dossier) as task-local
 * variables, when it is created: Tasklist's cards show them at once. The form recomputes them each
 * time it is opened ({@code be.parcours.tasklist.TasklistTaskFilter}), so what it shows is live.
 * One mechanism for all processes: no BPMN has to declare it.
 */
@Component
class TaskContextPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TaskFormContext> context;

  TaskContextPlugin(ObjectProvider<TaskFormContext> context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener listener = task -> {
      Object dossierId = task.getVariable(ProcessVariables.DOSSIER_ID);
      if (dossierId instanceof Number id) {
        task.setVariablesLocal(context.getObject().variables(id.longValue()));
      }
    };
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        }
      }
    });
  }
}
