package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import be.parcours.shared.ProcessVariables;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DossierBack.bpmn on its own, one test per path: the common back every procedure calls (the
 * authority's decision clock, the wait for the decision, the overdue path or a silence that counts,
 * the appeal clock after a refusal) with the clocks the calling procedure names in its variables.
 */
@Deployment(resources = "DossierBack.bpmn")
class DossierBackProcessTest extends ProcedureProcessTestSupport {

  @RegisterExtension
  static ProcessEngineExtension engine = engine();

  ProcessEngine processEngine;

  @Override
  ProcessEngine processEngine() {
    return processEngine;
  }

  static final Date NINE_MONTHS = at("2026-10-06T00:00");
  static final Date TWELVE_MONTHS = at("2027-01-06T00:00");
  static final Date APPEAL_DEADLINE = at("2026-03-24T00:00");
  static final Date OPINION_DEADLINE = at("2026-06-10T00:00");
  static final Date REFERRAL_DEADLINE = at("2026-03-09T00:00");

  @Override
  String reference() {
    return "RF-2026-00088";
  }

  @BeforeEach
  void clocks() {
    when(procedure.startDecisionClock(anyLong(), any(), any())).thenReturn(NINE_MONTHS);
    when(procedure.extendDecisionClock(anyLong(), any(), any())).thenReturn(TWELVE_MONTHS);
    when(procedure.startAppealClock(anyLong(), any(), any())).thenReturn(APPEAL_DEADLINE);
    when(nationality.startOpinionClock(anyLong(), any())).thenReturn(OPINION_DEADLINE);
    when(nationality.startReferralClock(anyLong(), any())).thenReturn(REFERRAL_DEADLINE);
  }

  /** What a family reunification passes: the art. 10/12bis clock from the filing, the CCE appeal. */
  private Map<String, Object> familyReunification() {
    Map<String, Object> vars = new HashMap<>();
    vars.put(ProcessVariables.DOSSIER_ID, DOSSIER);
    vars.put(ProcessVariables.DOSSIER_REFERENCE, reference());
    vars.put(ProcessVariables.FILED_ON, "2026-01-06");
    vars.put(ProcessVariables.CLOCK_STARTS_ON, "2026-01-06");
    vars.put(ProcessVariables.SPONSOR_CARD, "B");
    vars.put(ProcessVariables.DECISION_CLOCK, DossierBack.FAMILY_REUNIFICATION);
    vars.put(ProcessVariables.APPEAL_CLOCK, DossierBack.APPEAL_CCE);
    vars.put(ProcessVariables.SILENCE_MEANS, "OVERDUE");
    vars.put(ProcessVariables.EXTEND_ON_SILENCE, false);
    vars.put(ProcessVariables.APPEAL_FORM, "Form_PrepareAppeal");
    vars.put(ProcessVariables.OVERDUE_FORM, "Form_DecisionOverdue");
    vars.put(ProcessVariables.APPEAL_REMINDER, "P10D");
    return vars;
  }

  private ProcessInstance startBack(Map<String, Object> vars) {
    return runtimeService().startProcessInstanceByKey("DossierBack", reference(), vars);
  }

  /** Started and waiting for the decision, its clock running. */
  private ProcessInstance waiting(Map<String, Object> vars) {
    ProcessInstance pi = startBack(vars);
    run(pi, "Task_StartDecisionClock");
    assertThat(pi).isWaitingAt("Task_RecordDecision");
    return pi;
  }

  private static Object outcome(ProcessInstance pi) {
    return historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(ProcessVariables.BACK_OUTCOME).singleResult().getValue();
  }

  private static String formOf(ProcessInstance pi, String taskKey) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .initializeFormKeys().singleResult().getCamundaFormRef().getKey();
  }

  @Test
  void a_positive_decision_within_the_period_is_recorded_and_handed_back() {
    ProcessInstance pi = waiting(familyReunification());
    verify(procedure).startDecisionClock(DOSSIER, "2026-01-06", "B");
    assertThat(task("Task_RecordDecision", pi)).hasCandidateGroup("service-social");
    assertThat(task("Task_RecordDecision", pi).getDueDate()).isEqualTo(NINE_MONTHS);
    assertThat(timerDue(pi, "Timer_DecisionDeadline")).isEqualTo(NINE_MONTHS);

    authorityNotifies("POSITIVE", "2026-05-04");
    run(pi, "Task_RecordPositive");

    assertThat(pi).isEnded().hasPassed("Msg_DecisionReceived", "EndEvent_Granted")
        .hasNotPassed("Task_DecisionOverdue", "Task_StartAppealClock");
    verify(procedure).decisionPositive(DOSSIER, null);
    assertThat(outcome(pi)).isEqualTo("GRANTED");
  }

  @Test
  void a_negative_decision_opens_the_appeal_clock_and_gives_the_legal_staff_the_appeal() {
    ProcessInstance pi = waiting(familyReunification());

    authorityNotifies("NEGATIVE", "2026-02-20");
    run(pi, "Task_StartAppealClock");

    verify(procedure).startAppealClock(DOSSIER, "2026-02-20", null);
    assertThat(pi).hasPassed("Event_RefusalNotified").isWaitingAt("Task_PrepareAppeal");
    assertThat(task("Task_PrepareAppeal", pi)).hasCandidateGroup("juristes");
    assertThat(task("Task_PrepareAppeal", pi).getDueDate()).isEqualTo(APPEAL_DEADLINE);
    assertThat(formOf(pi, "Task_PrepareAppeal")).isEqualTo("Form_PrepareAppeal");
    assertThat(timerDue(pi, "Timer_AppealDeadline")).isEqualTo(APPEAL_DEADLINE);

    // the reminder does not hold the back open once the appeal is lodged
    fire(pi, "Timer_AppealReminder");
    assertThat(pi).isWaitingAt("Task_PrepareAppeal", "Task_RemindAppeal");
    completeTask(pi, "Task_PrepareAppeal", "juristes", ProcessVariables.APPEAL_CHOICE, "APPEAL");
    run(pi, "Task_AppealFiled");

    assertThat(pi).isEnded().hasPassed("EndEvent_Appealed");
    verify(procedure).appealFiled(DOSSIER);
    assertThat(outcome(pi)).isEqualTo("APPEALED");
  }

  @Test
  void an_appeal_period_that_passes_is_missed_and_the_refusal_handed_back() {
    ProcessInstance pi = waiting(familyReunification());
    authorityNotifies("NEGATIVE", "2026-02-20");
    run(pi, "Task_StartAppealClock");

    fire(pi, "Timer_AppealDeadline");
    run(pi, "Task_AppealWindowMissed");

    assertThat(pi).isEnded().hasPassed("EndEvent_Refused").hasNotPassed("Task_AppealFiled");
    verify(procedure).appealWindowMissed(DOSSIER);
    assertThat(outcome(pi)).isEqualTo("REFUSED");
  }

  @Test
  void no_decision_in_time_gives_the_legal_staff_a_task_never_a_decision() {
    ProcessInstance pi = waiting(familyReunification());

    fire(pi, "Timer_DecisionDeadline");
    run(pi, "Task_MarkDecisionOverdue");

    verify(procedure).decisionOverdue(DOSSIER);
    assertThat(pi).isWaitingAt("Task_DecisionOverdue").hasNotPassed("Task_RecordPositive", "Task_ExtendDecisionClock");
    assertThat(task("Task_DecisionOverdue", pi)).hasCandidateGroup("juristes");
    assertThat(formOf(pi, "Task_DecisionOverdue")).isEqualTo("Form_DecisionOverdue");
    completeTask(pi, "Task_DecisionOverdue", "juristes", "overdueAnalysis", "Relance envoyée");

    // a late decision still counts, and the deadline stays MISSED
    authorityNotifies("POSITIVE", "2026-11-02");
    run(pi, "Task_RecordPositive");
    assertThat(pi).isEnded().hasPassed("Msg_LateDecisionReceived", "EndEvent_Granted");
    verify(procedure).decisionPositive(DOSSIER, true);
  }

  @Test
  void where_the_law_says_silence_counts_the_deadline_gives_the_positive_outcome() {
    Map<String, Object> vars = familyReunification();
    vars.put(ProcessVariables.DECISION_CLOCK, DossierBack.NATIONALITY_OPINION);
    vars.put(ProcessVariables.APPEAL_CLOCK, DossierBack.FAMILY_COURT_REFERRAL);
    vars.put(ProcessVariables.CLOCK_STARTS_ON, "2026-02-10");
    vars.put(ProcessVariables.SILENCE_MEANS, "POSITIVE");
    ProcessInstance pi = waiting(vars);
    verify(nationality).startOpinionClock(DOSSIER, "2026-02-10");
    assertThat(timerDue(pi, "Timer_DecisionDeadline")).isEqualTo(OPINION_DEADLINE);

    fire(pi, "Timer_DecisionDeadline");
    run(pi, "Task_RecordPositive");

    assertThat(pi).isEnded().hasPassed("Gateway_SilenceMeans", "EndEvent_Granted")
        .hasNotPassed("Task_MarkDecisionOverdue", "Task_DecisionOverdue");
    verify(nationality).nationalityAcquired(DOSSIER);
    assertThat(outcome(pi)).isEqualTo("GRANTED");
  }

  @Test
  void a_negative_opinion_opens_the_15_days_of_the_family_court_referral() {
    Map<String, Object> vars = familyReunification();
    vars.put(ProcessVariables.DECISION_CLOCK, DossierBack.NATIONALITY_OPINION);
    vars.put(ProcessVariables.APPEAL_CLOCK, DossierBack.FAMILY_COURT_REFERRAL);
    vars.put(ProcessVariables.SILENCE_MEANS, "POSITIVE");
    vars.put(ProcessVariables.APPEAL_FORM, "Form_RequestReferral");
    ProcessInstance pi = waiting(vars);

    authorityNotifies("NEGATIVE", "2026-02-20");
    run(pi, "Task_StartAppealClock");

    verify(nationality).startReferralClock(DOSSIER, "2026-02-20");
    verify(procedure, never()).startAppealClock(anyLong(), any(), any());
    assertThat(task("Task_PrepareAppeal", pi).getDueDate()).isEqualTo(REFERRAL_DEADLINE);
    assertThat(formOf(pi, "Task_PrepareAppeal")).isEqualTo("Form_RequestReferral");
    completeTask(pi, "Task_PrepareAppeal", "juristes", ProcessVariables.APPEAL_CHOICE, "APPEAL");
    run(pi, "Task_AppealFiled");
    verify(nationality).referralRequested(DOSSIER);
    assertThat(outcome(pi)).isEqualTo("APPEALED");
  }

  @Test
  void a_request_for_documents_extends_the_clock_by_the_procedures_rule() {
    ProcessInstance pi = waiting(familyReunification());

    authorityNotifies("MORE_DOCUMENTS", "2026-03-02");
    completeTask(pi, "Task_ProvideMoreDocuments", "service-social");
    run(pi, "Task_ExtendDecisionClock");

    verify(procedure).extendDecisionClock(DOSSIER, "2026-01-06", "B");
    assertThat(pi).isWaitingAt("Task_RecordDecision");
    assertThat(timerDue(pi, "Timer_DecisionDeadline")).isEqualTo(TWELVE_MONTHS);
    assertThat(task("Task_RecordDecision", pi).getDueDate()).isEqualTo(TWELVE_MONTHS);
  }

  @Test
  void a_first_silence_extends_once_where_the_procedure_says_so_then_the_legal_staff_take_over() {
    Date fifteenDays = at("2026-02-18T00:00");
    Date fortyFiveDays = at("2026-03-20T00:00");
    when(visa.startVisaCDecisionClock(anyLong(), any())).thenReturn(fifteenDays);
    when(visa.extendVisaCDecisionClock(anyLong(), any())).thenReturn(fortyFiveDays);
    Map<String, Object> vars = familyReunification();
    vars.put(ProcessVariables.DECISION_CLOCK, DossierBack.VISA_C);
    vars.put(ProcessVariables.EXTEND_ON_SILENCE, true);
    vars.put(ProcessVariables.CLOCK_STARTS_ON, "2026-02-03");
    ProcessInstance pi = waiting(vars);
    assertThat(timerDue(pi, "Timer_DecisionDeadline")).isEqualTo(fifteenDays);

    fire(pi, "Timer_DecisionDeadline");
    run(pi, "Task_ExtendDecisionClock");
    assertThat(timerDue(pi, "Timer_DecisionDeadline")).isEqualTo(fortyFiveDays);
    verify(procedure, never()).decisionOverdue(anyLong());

    fire(pi, "Timer_DecisionDeadline");
    run(pi, "Task_MarkDecisionOverdue");
    assertThat(pi).isWaitingAt("Task_DecisionOverdue");
    verify(visa, times(1)).extendVisaCDecisionClock(DOSSIER, "2026-02-03");
  }

  @Test
  void a_decision_recorded_twice_does_not_advance_twice() {
    when(decisions.recordFromTask(anyLong(), any(), any(), any())).thenReturn(Map.of(
        ProcessVariables.DECISION_OUTCOME, "NEGATIVE", ProcessVariables.DECISION_NOTIFIED_ON, "2026-02-20",
        ProcessVariables.NOTIFICATION_METHOD, "HAND"));
    ProcessInstance pi = waiting(familyReunification());

    // recorded in the Tasklist…
    completeTask(pi, "Task_RecordDecision", "service-social", ProcessVariables.DECISION_OUTCOME, "NEGATIVE",
        ProcessVariables.DECISION_NOTIFIED_ON, "20/02/2026");
    // …then the same letter through the API: nothing waits for it any more
    assertThatThrownBy(() -> authorityNotifies("NEGATIVE", "2026-02-20"))
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    run(pi, "Task_StartAppealClock");

    verify(decisions).recordFromTask(org.mockito.ArgumentMatchers.eq(DOSSIER), any(), org.mockito.ArgumentMatchers.eq(
        "2026-01-06"), any());
    verify(procedure, times(1)).startAppealClock(DOSSIER, "2026-02-20", null);
    assertThat(runtimeService().createExecutionQuery().processInstanceId(pi.getId()).activityId("Task_PrepareAppeal")
        .count()).isEqualTo(1);
  }

  @Test
  void a_decision_already_notified_is_routed_without_a_new_clock() {
    Map<String, Object> vars = familyReunification();
    vars.put(ProcessVariables.DECISION_OUTCOME, "POSITIVE");
    vars.put(ProcessVariables.DECISION_NOTIFIED_ON, "2026-09-01");
    vars.put(ProcessVariables.DECISION_DEADLINE_MISSED, true);
    ProcessInstance pi = startBack(vars);

    run(pi, "Task_RecordPositive");

    assertThat(pi).isEnded().hasPassed("Gateway_DecisionKnown").hasNotPassed("Task_StartDecisionClock");
    verify(procedure, never()).startDecisionClock(anyLong(), any(), any());
    verify(procedure).decisionPositive(DOSSIER, true);
  }

  @Test
  void an_unknown_clock_is_an_error_never_a_default() {
    Map<String, Object> vars = familyReunification();
    vars.put(ProcessVariables.DECISION_CLOCK, "NINE_MONTHS_PLEASE");
    ProcessInstance pi = startBack(vars);

    assertThatThrownBy(() -> execute(job("Task_StartDecisionClock", pi))).hasMessageContaining("decisionClock");
    verify(procedure, never()).startDecisionClock(anyLong(), any(), any());
  }
}
