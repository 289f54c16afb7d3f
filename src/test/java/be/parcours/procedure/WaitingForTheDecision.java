package be.parcours.procedure;

import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a dossier's procedure straight to the wait for the authority's decision, in the shared back
 * it calls (DossierBack.bpmn), for the Spring tests of what comes after (the decision API, the
 * Tasklist task, access rules): the steps before are the process tests' business. One transaction,
 * so that the job executor never sees the back's first step (its clock) before it is skipped.
 */
public final class WaitingForTheDecision {

  private WaitingForTheDecision() {}

  public static void bring(RuntimeService runtime, PlatformTransactionManager transactions, String reference,
      String processKey, String filedOn, Date decisionDeadline) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      var root = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
          .processDefinitionKey(processKey).singleResult();
      runtime.createProcessInstanceModification(root.getId())
          .cancelAllForActivity("CallActivity_DossierFront")
          .startBeforeActivity("CallActivity_DossierBack")
          .setVariable("filedOn", filedOn)
          .execute();
      var back = runtime.createProcessInstanceQuery().superProcessInstanceId(root.getId())
          .processDefinitionKey("DossierBack").singleResult();
      runtime.createProcessInstanceModification(back.getId())
          .startBeforeActivity("Task_RecordDecision")
          .setVariable("decisionDeadline", decisionDeadline)
          .setVariable("filedOn", filedOn)
          .setVariable("clockStartsOn", filedOn)
          .cancelAllForActivity("Task_StartDecisionClock")
          .execute();
    });
  }
}
