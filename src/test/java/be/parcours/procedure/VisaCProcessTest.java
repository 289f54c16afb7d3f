package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** VisaC.bpmn (short stay, e.g. a family visit): one test per path; clocks mocked, timers on ClockUtil. */
@Deployment(resources = {"VisaC.bpmn", "DossierFront.bpmn", "DossierBack.bpmn"})
class VisaCProcessTest extends ProcedureProcessTestSupport {

  @RegisterExtension
  static ProcessEngineExtension engine = engine();

  ProcessEngine processEngine;

  @Override
  ProcessEngine processEngine() {
    return processEngine;
  }

  static final Date DECISION_15_DAYS = at("2026-02-18T00:00");
  static final Date DECISION_45_DAYS = at("2026-03-20T00:00");
  static final Date APPEAL_DEADLINE = at("2026-03-24T00:00");

  @Override
  String reference() {
    return "VI-2026-00042";
  }

  @BeforeEach
  void clocks() {
    when(procedure.documentsComplete(DOSSIER)).thenReturn(true);
    when(visa.startVisaCDecisionClock(anyLong(), any())).thenReturn(DECISION_15_DAYS);
    when(visa.extendVisaCDecisionClock(anyLong(), any())).thenReturn(DECISION_45_DAYS);
    when(procedure.startAppealClock(anyLong(), any(), any())).thenReturn(APPEAL_DEADLINE);
  }

  private ProcessInstance evaluated(String outcome) {
    when(procedure.evaluateEligibility(DOSSIER)).thenReturn(outcome);
    ProcessInstance pi = start("VisaC");
    completeTask(pi, "Task_Intake", "accueil");
    run(pi, "Task_EvaluateEligibility");
    return pi;
  }

  /** Eligible, documents complete, appointment kept, filed on 2026-02-03: the 15 days run. */
  private ProcessInstance filed() {
    ProcessInstance pi = evaluated("ELIGIBLE");
    completeTask(pi, "Task_CollectDocuments", "service-social");
    run(pi, "Task_CheckDocuments");
    completeTask(pi, "Task_BookAppointment", "service-social", "appointmentOn", "2026-02-03", "appointmentPlace",
        "TLS Rabat");
    completeTask(pi, "Task_FileVisaApplication", "service-social", "filedOn", "2026-02-03");
    run(pi, "Task_StartDecisionClock");
    verify(visa).startVisaCDecisionClock(DOSSIER, "2026-02-03");
    waitingAt(pi, "Task_RecordDecision");
    assertThat(timerDue(pi, "Timer_DecisionDeadline")).isEqualTo(DECISION_15_DAYS);
    return pi;
  }

  private void refused(ProcessInstance pi) {
    authorityNotifies("NEGATIVE", "2026-02-20");
    run(pi, "Task_StartAppealClock");
    verify(procedure).startAppealClock(DOSSIER, "2026-02-20", null);
    waitingAt(pi, "Task_PrepareAppeal", "Task_ReturnPassportRefused");
    assertThat(task("Task_PrepareAppeal", where(pi, "Task_PrepareAppeal")).getDueDate()).isEqualTo(APPEAL_DEADLINE);
    assertThat(timerDue(pi, "Timer_AppealDeadline")).isEqualTo(APPEAL_DEADLINE);
    completeTask(pi, "Task_ReturnPassportRefused", "service-social", "passportReturnedOn", "2026-02-24");
  }

  @Test
  void a_granted_visa_ends_with_the_passport_back_and_the_dossier_closed() {
    // given a filed application
    ProcessInstance pi = filed();
    assertThat(pi).isWaitingAt("CallActivity_DossierBack");
    assertThat(back(pi)).isWaitingAt("Task_RecordDecision");

    // when the post grants the visa within the 15 days
    authorityNotifies("POSITIVE", "2026-02-12");
    run(pi, "Task_RecordPositive");
    completeTask(pi, "Task_ReturnPassport", "service-social", "passportReturnedOn", "2026-02-13");
    run(pi, "Task_CloseGranted");

    // then
    assertThat(pi).isEnded().hasPassed("CallActivity_DossierBack", "EndEvent_VisaGranted");
    backPassed(pi, "Task_RecordPositive", "EndEvent_Granted");
    verify(procedure).decisionPositive(DOSSIER, null);
    verify(procedure).close(DOSSIER);
  }

  @Test
  void not_eligible_informs_the_person_and_closes() {
    ProcessInstance pi = evaluated("NOT_ELIGIBLE");

    completeTask(pi, "Task_InformNotEligible", "service-social", "closingChoice", "CLOSE");
    run(pi, "Task_CloseNotEligible");

    assertThat(pi).isEnded().hasPassed("Gateway_FrontOutcome", "EndEvent_NotEligible");
    frontPassed(pi, "EndEvent_FrontNotEligible");
  }

  @Test
  void needs_review_legal_staff_continue_or_stop() {
    ProcessInstance pi = evaluated("NEEDS_REVIEW");

    completeTask(pi, "Task_LegalReview", "juristes", "reviewDecision", "STOP", "reviewReason", "Objet du voyage");

    assertThat(pi).isWaitingAt("Task_InformNotEligible").hasPassed("CallActivity_DossierFront", "Gateway_FrontOutcome");
    frontPassed(pi, "Gateway_ReviewDecision", "EndEvent_FrontStopped");
  }

  @Test
  void missing_documents_keep_the_checkpoint_closed_with_a_reminder_then_an_escalation() {
    when(procedure.documentsComplete(DOSSIER)).thenReturn(false);
    ProcessInstance pi = evaluated("ELIGIBLE");
    completeTask(pi, "Task_CollectDocuments", "service-social");
    run(pi, "Task_CheckDocuments");

    fire(pi, "Timer_DocumentsReminder");
    fire(pi, "Timer_CollectionStalled");

    assertThat(front(pi)).isWaitingAt("Task_CollectDocuments", "Task_RemindDocuments", "Task_EscalateCollection");
    assertThat(pi).isWaitingAt("CallActivity_DossierFront").hasNotPassed("Task_BookAppointment");
  }

  @Test
  void after_15_days_without_a_decision_the_clock_extends_to_45_days_and_a_decision_still_comes() {
    ProcessInstance pi = filed();

    fire(pi, "Timer_DecisionDeadline");
    run(pi, "Task_ExtendDecisionClock");

    verify(visa).extendVisaCDecisionClock(DOSSIER, "2026-02-03");
    assertThat(timerDue(pi, "Timer_DecisionDeadline")).isEqualTo(DECISION_45_DAYS);
    authorityNotifies("POSITIVE", "2026-03-02");
    waitingAt(pi, "Task_RecordPositive");
  }

  @Test
  void after_45_days_without_a_decision_legal_staff_get_a_task_and_a_late_decision_still_counts() {
    ProcessInstance pi = filed();
    fire(pi, "Timer_DecisionDeadline");
    run(pi, "Task_ExtendDecisionClock");

    fire(pi, "Timer_DecisionDeadline");
    run(pi, "Task_MarkDecisionOverdue");
    verify(procedure).decisionOverdue(DOSSIER);
    completeTask(pi, "Task_DecisionOverdue", "juristes", "overdueAnalysis", "Poste relancé");

    waitingAt(pi, "Task_RecordLateDecision");
    authorityNotifies("NEGATIVE", "2026-03-30");
    waitingAt(pi, "Task_StartAppealClock");
  }

  @Test
  void documents_requested_by_the_post_extend_the_clock_to_45_days() {
    ProcessInstance pi = filed();

    authorityNotifies("MORE_DOCUMENTS", "2026-02-10");
    completeTask(pi, "Task_ProvideMoreDocuments", "service-social", "moreDocumentsSentOn", "2026-02-12");
    run(pi, "Task_ExtendDecisionClock");

    waitingAt(pi, "Task_RecordDecision");
    assertThat(timerDue(pi, "Timer_DecisionDeadline")).isEqualTo(DECISION_45_DAYS);
    // once extended, the timer leads to the overdue review, never a second extension
    fire(pi, "Timer_DecisionDeadline");
    waitingAt(pi, "Task_MarkDecisionOverdue");
  }

  @Test
  void a_refusal_opens_the_appeal_window_the_passport_comes_back_and_legal_staff_appeal() {
    ProcessInstance pi = filed();
    refused(pi);

    completeTask(pi, "Task_PrepareAppeal", "juristes", "appealChoice", "APPEAL");
    run(pi, "Task_AppealFiled");

    verify(procedure).appealFiled(DOSSIER);
    assertThat(pi).isEnded().hasPassed("Event_DecisionRefused", "EndEvent_AppealFiled", "EndEvent_PassportReturned");
  }

  @Test
  void when_the_appeal_window_closes_unused_the_dossier_is_closed_as_refused() {
    ProcessInstance pi = filed();
    refused(pi);

    fire(pi, "Timer_AppealDeadline");
    run(pi, "Task_AppealWindowMissed");
    run(pi, "Task_CloseRefused");

    verify(procedure).appealWindowMissed(DOSSIER);
    assertThat(pi).isEnded().hasPassed("EndEvent_Refused");
  }

  @Test
  void legal_staff_may_leave_a_refusal_without_appeal() {
    ProcessInstance pi = filed();
    refused(pi);

    completeTask(pi, "Task_PrepareAppeal", "juristes", "appealChoice", "NONE");
    run(pi, "Task_CloseRefused");

    assertThat(pi).isEnded().hasPassed("EndEvent_Refused").hasNotPassed("EndEvent_AppealFiled");
    backPassed(pi, "Gateway_AppealChoice", "EndEvent_Refused");
  }
}
