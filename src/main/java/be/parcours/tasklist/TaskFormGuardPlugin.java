package be.parcours.tasklist;

import be.parcours.shared.ProcessVariables;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * On completing any user task of a form with date fields: the dates typed {@code jj/mm/aaaa}
 * become ISO dates (yyyy-mm-dd, what the procedures read), implausible ones refuse the completion;
 * "Rassembler les documents" of a Parcours procedure cannot complete while a document is missing.
 * Tasklist's requests get the same refusal earlier, with a clean message, from
 * {@link TasklistTaskFilter}; this listener holds for every other way a task is completed.
 */
@Component
class TaskFormGuardPlugin extends AbstractProcessEnginePlugin {

  private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final ObjectProvider<TaskFormGuard> guard;

  TaskFormGuardPlugin(ObjectProvider<TaskFormGuard> guard) {
    this.guard = guard;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          var definition = behavior.getTaskDefinition();
          String formId = definition.getCamundaFormDefinitionKey() == null ? null
              : definition.getCamundaFormDefinitionKey().getExpressionText();
          String processKey = activity.getProcessDefinition() instanceof ProcessDefinitionEntity pd ? pd.getKey()
              : activity.getProcessDefinition().getId();
          String activityId = activity.getId();
          definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE,
              task -> onComplete(task, processKey, activityId, formId));
        }
      }
    });
  }

  void onComplete(DelegateTask task, String processKey, String activityId, String formRef) {
    TaskFormGuard g = guard.getObject();
    // a form chosen by the calling procedure (the shared front and back): ${appealForm} is a variable
    String formId = formRef != null && formRef.startsWith("${") && formRef.endsWith("}")
        && task.getVariable(formRef.substring(2, formRef.length() - 1)) instanceof String chosen ? chosen : formRef;
    Map<String, Object> current = task.getVariables();
    Map<String, Object> typed = new HashMap<>();
    for (FormDates.Field f : g.forms().dateFields(formId)) {
      Object v = current.get(f.key());
      if (v instanceof String s && !s.isBlank() && !ISO.matcher(s.strip()).matches()) {
        typed.put(f.key(), s);
      }
    }
    Object raw = current.get(ProcessVariables.DOSSIER_ID);
    Long dossierId = raw instanceof Number n ? n.longValue() : null;
    var refusal = g.refusal(processKey, activityId, formId, dossierId, current, typed);
    if (refusal.isPresent()) {
      throw new FormFieldValidationException(task.getId(), refusal.get());
    }
    g.isoDates(formId, dossierId, current, typed).forEach((key, iso) -> {
      if (task.hasVariableLocal(key)) {
        task.setVariableLocal(key, iso);
      } else {
        task.setVariable(key, iso);
      }
    });
  }
}
