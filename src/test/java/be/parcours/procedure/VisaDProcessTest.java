package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * VisaD.bpmn on its own (procedure visa, visaType D): the steps the family reunification process
 * does around its call activity happen inside. Called from FamilyReunification it only books and
 * files (FamilyReunificationProcessTest).
 */
@Deployment(resources = {"VisaD.bpmn", "DossierFront.bpmn", "DossierBack.bpmn"})
class VisaDProcessTest extends ProcedureProcessTestSupport {

  @RegisterExtension
  static ProcessEngineExtension engine = engine();

  ProcessEngine processEngine;

  @Override
  ProcessEngine processEngine() {
    return processEngine;
  }

  static final Date DECISION_DEADLINE = at("2026-11-04T00:00");
  static final Date EXTENDED_DEADLINE = at("2027-02-04T00:00");
  static final Date COLLECTION_DEADLINE = at("2026-12-02T00:00");
  static final Date APPEAL_DEADLINE = at("2026-07-03T00:00");

  @Override
  String reference() {
    return "VI-2026-00043";
  }

  @BeforeEach
  void clocks() {
    when(procedure.documentsComplete(DOSSIER)).thenReturn(true);
    when(procedure.startDecisionClock(anyLong(), any())).thenReturn(DECISION_DEADLINE);
    when(procedure.extendDecisionClock(anyLong(), any())).thenReturn(EXTENDED_DEADLINE);
    when(procedure.startAppealClock(anyLong(), any(), any())).thenReturn(APPEAL_DEADLINE);
    when(procedure.startVisaCollectionClock(anyLong(), any())).thenReturn(COLLECTION_DEADLINE);
  }

  private ProcessInstance evaluated(String outcome) {
    when(procedure.evaluateEligibility(DOSSIER)).thenReturn(outcome);
    ProcessInstance pi = start("VisaD");
    completeTask(pi, "Task_Intake", "accueil");
    run(pi, "Task_EvaluateEligibility");
    return pi;
  }

  private ProcessInstance filed() {
    ProcessInstance pi = evaluated("ELIGIBLE");
    completeTask(pi, "Task_CollectDocuments", "service-social");
    run(pi, "Task_CheckDocuments");
    completeTask(pi, "Task_BookAppointment", "service-social", "appointmentOn", "2026-02-04", "appointmentPlace",
        "VFS Kinshasa");
    completeTask(pi, "Task_FileVisaApplication", "service-social", "filedOn", "2026-02-04");
    run(pi, "Task_StartDecisionClock");
    verify(procedure).startDecisionClock(DOSSIER, "2026-02-04");
    assertThat(pi).isWaitingAt("CallActivity_DossierBack").hasNotPassed("EndEvent_VisaFiled");
    assertThat(back(pi)).isWaitingAt("Task_RecordDecision");
    assertThat(timerDue(pi, "Timer_DecisionDeadline")).isEqualTo(DECISION_DEADLINE);
    return pi;
  }

  @Test
  void a_standalone_visa_d_granted_is_collected_within_six_months_and_closed() {
    ProcessInstance pi = filed();

    authorityNotifies("POSITIVE", "2026-06-02");
    run(pi, "Task_RecordPositive");
    run(pi, "Task_StartVisaCollectionClock");
    verify(procedure).startVisaCollectionClock(DOSSIER, "2026-06-02");
    assertThat(task("Task_CollectVisa", where(pi, "Task_CollectVisa")).getDueDate()).isEqualTo(COLLECTION_DEADLINE);
    completeTask(pi, "Task_CollectVisa", "service-social", "visaCollectedOn", "2026-06-20");
    run(pi, "Task_VisaCollected");
    run(pi, "Task_CloseGranted");

    verify(procedure).visaCollected(DOSSIER);
    assertThat(pi).isEnded().hasPassed("EndEvent_VisaGranted");
  }

  @Test
  void a_visa_not_collected_within_six_months_goes_to_legal_staff_and_the_dossier_is_closed() {
    ProcessInstance pi = filed();
    authorityNotifies("POSITIVE", "2026-06-02");
    run(pi, "Task_RecordPositive");
    run(pi, "Task_StartVisaCollectionClock");

    fire(pi, "Timer_VisaCollectionDeadline");
    run(pi, "Task_VisaCollectionMissed");
    completeTask(pi, "Task_VisaNotCollected", "juristes", "visaLapsedAnalysis", "Personne injoignable");
    run(pi, "Task_CloseVisaLapsed");

    verify(procedure).visaCollectionMissed(DOSSIER);
    assertThat(pi).isEnded().hasPassed("EndEvent_VisaLapsed").hasNotPassed("Task_VisaCollected");
  }

  @Test
  void missing_documents_bring_a_reminder_then_an_escalation_while_the_checkpoint_stays_closed() {
    when(procedure.documentsComplete(DOSSIER)).thenReturn(false);
    ProcessInstance pi = evaluated("ELIGIBLE");
    completeTask(pi, "Task_CollectDocuments", "service-social");
    run(pi, "Task_CheckDocuments");

    fire(pi, "Timer_DocumentsReminder");
    completeTask(pi, "Task_RemindDocuments", "service-social", "remindedOn", "2026-01-19");
    fire(pi, "Timer_CollectionStalled");
    completeTask(pi, "Task_EscalateCollection", "superviseurs");

    assertThat(front(pi)).isWaitingAt("Task_CollectDocuments").hasPassed("EndEvent_Reminded", "EndEvent_Escalated");
    assertThat(pi).isWaitingAt("CallActivity_DossierFront").hasNotPassed("Task_BookAppointment");
  }

  @Test
  void a_standalone_visa_d_not_eligible_is_closed() {
    ProcessInstance pi = evaluated("NOT_ELIGIBLE");

    completeTask(pi, "Task_InformNotEligible", "service-social", "closingChoice", "REORIENT");
    run(pi, "Task_CloseNotEligible");

    assertThat(pi).isEnded().hasPassed("EndEvent_NotEligible").hasNotPassed("Task_BookAppointment");
  }

  @Test
  void needs_review_then_legal_staff_continue_to_the_documents() {
    ProcessInstance pi = evaluated("NEEDS_REVIEW");

    completeTask(pi, "Task_LegalReview", "juristes", "reviewDecision", "CONTINUE", "reviewReason", "Objet du séjour");

    assertThat(front(pi)).isWaitingAt("Task_CollectDocuments");
  }

  @Test
  void a_refusal_opens_the_appeal_window_for_legal_staff() {
    ProcessInstance pi = filed();

    authorityNotifies("NEGATIVE", "2026-06-02");
    run(pi, "Task_StartAppealClock");
    completeTask(pi, "Task_ReturnPassportRefused", "service-social", "passportReturnedOn", "2026-06-05");
    assertThat(task("Task_PrepareAppeal", where(pi, "Task_PrepareAppeal")).getDueDate()).isEqualTo(APPEAL_DEADLINE);
    completeTask(pi, "Task_PrepareAppeal", "juristes", "appealChoice", "APPEAL");
    run(pi, "Task_AppealFiled");

    assertThat(pi).isEnded().hasPassed("Event_DecisionRefused", "EndEvent_AppealFiled", "EndEvent_PassportReturned");
    verify(procedure).startAppealClock(DOSSIER, "2026-06-02", null);
  }

  @Test
  void more_documents_extend_the_decision_clock() {
    ProcessInstance pi = filed();

    authorityNotifies("MORE_DOCUMENTS", "2026-04-01");
    completeTask(pi, "Task_ProvideMoreDocuments", "service-social", "moreDocumentsSentOn", "2026-04-08");
    run(pi, "Task_ExtendDecisionClock");

    verify(procedure).extendDecisionClock(DOSSIER, "2026-02-04");
    assertThat(timerDue(pi, "Timer_DecisionDeadline")).isEqualTo(EXTENDED_DEADLINE);
  }

  @Test
  void no_decision_in_time_gives_legal_staff_a_task() {
    when(procedure.decisionOverdue(DOSSIER)).thenReturn(true);
    ProcessInstance pi = filed();

    fire(pi, "Timer_DecisionDeadline");
    run(pi, "Task_MarkDecisionOverdue");
    completeTask(pi, "Task_DecisionOverdue", "juristes", "overdueAnalysis", "OE relancé");
    authorityNotifies("POSITIVE", "2026-11-20");
    run(pi, "Task_RecordPositive");

    // the deadline missed stays missed: the late decision is recorded with that flag
    verify(procedure).decisionOverdue(DOSSIER);
    verify(procedure).decisionPositive(DOSSIER, true);
    verifyNoInteractions(nationality);
  }
}
