package be.parcours.reporting;

import be.parcours.dossier.DossierService;
import be.parcours.dossier.InterventionType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
 * Completing a Tasklist task can record the intervention it was: when the completed task carries
 * (task-local or process) variables {@code interventionType} (an {@link InterventionType} name),
 * {@code interventionMinutes} (0–1440) and {@code interventionNote}, an intervention is written for
 * the dossier of the process (the dossier whose reference is the business key), by the task's
 * assignee (else the user completing it), dated today; the three variables are then removed so
 * they neither stay in the process nor count twice at the next task. A global complete listener on
 * every user task of every process: no BPMN has to declare it.
 */
@Component
class InterventionTaskListenerPlugin extends AbstractProcessEnginePlugin {

  static final String TYPE = "interventionType";
  static final String MINUTES = "interventionMinutes";
  static final String NOTE = "interventionNote";
  /** The forms' explicit "no intervention to log" choice. */
  static final String NONE = "NONE";
  static final List<String> VARIABLES = List.of(TYPE, MINUTES, NOTE);
  static final int MAX_NOTE = 4000;

  private final ObjectProvider<DossierService> dossiers;
  private final Clock clock;

  InterventionTaskListenerPlugin(ObjectProvider<DossierService> dossiers, Clock clock) {
    this.dossiers = dossiers;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener listener = this::onComplete;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
        }
      }
    });
  }

  void onComplete(DelegateTask task) {
    if (VARIABLES.stream().noneMatch(task::hasVariable)) {
      return;
    }
    Object rawType = task.getVariable(TYPE);
    Object rawMinutes = task.getVariable(MINUTES);
    Object rawNote = task.getVariable(NOTE);
    removeEverywhere(task);
    if (rawType == null || rawType.toString().isBlank() || NONE.equalsIgnoreCase(rawType.toString().strip())) {
      return; // the form offers the intervention, the caseworker chose none
    }
    InterventionType type = type(rawType);
    Integer minutes = minutes(rawMinutes);
    String note = rawNote == null || rawNote.toString().isBlank() ? null : rawNote.toString().strip();
    if (note != null && note.length() > MAX_NOTE) {
      note = note.substring(0, MAX_NOTE);
    }
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    // the dossier is the process's (business key), never an id the form could submit
    Long dossierId = businessKey == null ? null : dossiers.getObject().idOf(businessKey).orElse(null);
    if (dossierId == null) {
      throw new ProcessEngineException("Intervention « " + type + " » : la tâche « " + task.getName()
          + " » n'appartient à aucun dossier (clé métier " + businessKey + ")");
    }
    dossiers.getObject().logIntervention(dossierId, type, LocalDate.now(clock), minutes, note, author(task));
  }

  private static void removeEverywhere(DelegateTask task) {
    for (String name : VARIABLES) {
      if (task.hasVariableLocal(name)) {
        task.removeVariableLocal(name);
      }
      // the variable may also sit on the execution and on the process instance: remove up the hierarchy
      for (int guard = 0; guard < 10 && task.getExecution() != null && task.getExecution().hasVariable(name); guard++) {
        task.getExecution().removeVariable(name);
      }
    }
  }

  static InterventionType type(Object raw) {
    try {
      return InterventionType.valueOf(raw.toString().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("interventionType : valeur inconnue « " + raw + " » (attendu : "
          + Arrays.toString(InterventionType.values()) + ")");
    }
  }

  static Integer minutes(Object raw) {
    if (raw == null || raw.toString().isBlank()) {
      return null;
    }
    long value;
    if (raw instanceof Number n) {
      if (n.doubleValue() != Math.rint(n.doubleValue())) {
        throw new ProcessEngineException("interventionMinutes : nombre entier de minutes attendu, reçu " + raw);
      }
      value = n.longValue();
    } else {
      try {
        value = Long.parseLong(raw.toString().strip());
      } catch (NumberFormatException e) {
        throw new ProcessEngineException("interventionMinutes : nombre entier de minutes attendu, reçu « " + raw + " »");
      }
    }
    if (value < 0 || value > 1440) {
      throw new ProcessEngineException("interventionMinutes : entre 0 et 1440, reçu " + value);
    }
    return (int) value;
  }

  private static String author(DelegateTask task) {
    if (task.getAssignee() != null && !task.getAssignee().isBlank()) {
      return task.getAssignee();
    }
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : "tasklist";
  }
}
