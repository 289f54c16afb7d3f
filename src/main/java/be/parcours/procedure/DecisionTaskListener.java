package be.parcours.procedure;

import be.parcours.shared.ProcessVariables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * On completion of the Tasklist task "Enregistrer la décision…", records the decision its form
 * holds through {@link DecisionService} (the same checks and the same record as the API) and sets
 * on the procedure the day its appeal period counts from.
 */
@Component("decisionTaskListener")
class DecisionTaskListener implements TaskListener {

  private static final String[] FORM = {ProcessVariables.DECISION_OUTCOME, ProcessVariables.NOTIFICATION_METHOD,
      ProcessVariables.DECISION_NOTIFIED_ON, ProcessVariables.DECISION_POSTED_ON};

  private final DecisionService decisions;
  private final IdentityService identityService;

  DecisionTaskListener(DecisionService decisions, @Lazy IdentityService identityService) {
    this.decisions = decisions;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> form = new HashMap<>();
    for (String name : FORM) {
      Object value = task.getVariable(name);
      if (value != null) {
        form.put(name, value);
      }
    }
    long dossierId = ((Number) task.getVariable(ProcessVariables.DOSSIER_ID)).longValue();
    Object filedOn = task.getVariable(ProcessVariables.FILED_ON) != null ? task.getVariable(ProcessVariables.FILED_ON)
        : task.getVariable(ProcessVariables.DECLARED_ON);
    var auth = identityService.getCurrentAuthentication();
    String user = auth != null ? auth.getUserId() : task.getAssignee() != null ? task.getAssignee() : "tasklist";
    task.getExecution().setVariables(decisions.recordFromTask(dossierId, form, filedOn, user));
  }
}
