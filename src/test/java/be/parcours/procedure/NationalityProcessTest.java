package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
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

/** Nationality.bpmn (declaration, art. 12bis CNB): one test per path; clocks mocked, timers on ClockUtil. */
@Deployment(resources = {"Nationality.bpmn", "DossierFront.bpmn", "DossierBack.bpmn"})
class NationalityProcessTest extends ProcedureProcessTestSupport {

  @RegisterExtension
  static ProcessEngineExtension engine = engine();

  ProcessEngine processEngine;

  @Override
  ProcessEngine processEngine() {
    return processEngine;
  }

  static final Date COMPLETENESS_DEADLINE = at("2026-04-22T00:00");
  static final Date COMPLETION_DEADLINE = at("2026-05-21T00:00");
  static final Date OPINION_DEADLINE = at("2026-08-11T00:00");
  static final Date REFERRAL_DEADLINE = at("2026-08-01T00:00");

  @Override
  String reference() {
    return "NA-2026-00042";
  }

  @BeforeEach
  void clocks() {
    when(procedure.documentsComplete(DOSSIER)).thenReturn(true);
    when(nationality.startCompletenessCheck(anyLong(), any())).thenReturn(COMPLETENESS_DEADLINE);
    when(nationality.startCompletionClock(anyLong(), any())).thenReturn(COMPLETION_DEADLINE);
    when(nationality.startOpinionClock(anyLong(), any())).thenReturn(OPINION_DEADLINE);
    when(nationality.startReferralClock(anyLong(), any())).thenReturn(REFERRAL_DEADLINE);
  }

  private ProcessInstance evaluated(String outcome) {
    when(procedure.evaluateEligibility(DOSSIER)).thenReturn(outcome);
    ProcessInstance pi = start("Nationality");
    completeTask(pi, "Task_Intake", "accueil");
    run(pi, "Task_EvaluateEligibility");
    return pi;
  }

  /** Eligible, documents complete, declaration made on 2026-03-02: waiting for the registrar. */
  private ProcessInstance declared() {
    ProcessInstance pi = evaluated("ELIGIBLE");
    completeTask(pi, "Task_CollectDocuments", "service-social");
    run(pi, "Task_CheckDocuments");
    completeTask(pi, "Task_FileDeclaration", "service-social", "declaredOn", "2026-03-02", "commune", "Schaerbeek");
    run(pi, "Task_StartCompletenessClock");
    verify(nationality).startCompletenessCheck(DOSSIER, "2026-03-02");
    assertThat(pi).isWaitingAt("Gateway_AwaitRegistrar");
    assertThat(timerDue(pi, "Timer_CompletenessCheck")).isEqualTo(COMPLETENESS_DEADLINE);
    return pi;
  }

  /** The registrar acknowledges a complete file on 2026-04-10: the Procureur's window opens. */
  private ProcessInstance transmitted() {
    ProcessInstance pi = declared();
    authorityNotifies("POSITIVE", "2026-04-10");
    run(pi, "Task_RegistrarAnswered");
    verify(nationality).registrarAnswered(DOSSIER, "2026-03-02", "2026-04-10");
    run(pi, "Task_StartDecisionClock");
    verify(nationality).startOpinionClock(DOSSIER, "2026-04-10");
    waitingAt(pi, "Task_RecordDecision");
    assertThat(timerDue(pi, "Timer_DecisionDeadline")).isEqualTo(OPINION_DEADLINE);
    return pi;
  }

  private void acquiredAndClosed(ProcessInstance pi) {
    run(pi, "Task_RecordPositive");
    completeTask(pi, "Task_NewIdentityCard", "service-social", "doneOn", "2026-09-01");
    run(pi, "Task_CloseAcquired");
    assertThat(pi).isEnded().hasPassed("EndEvent_NationalityAcquired");
    verify(nationality).nationalityAcquired(DOSSIER);
    verify(procedure).close(DOSSIER);
  }

  @Test
  void no_negative_opinion_within_four_months_makes_the_declarant_belgian() {
    // given a complete declaration transmitted to the Procureur du Roi
    ProcessInstance pi = transmitted();

    // when the four months pass without an opinion
    fire(pi, "Timer_DecisionDeadline");

    // then nationality is acquired, the new identity card followed up and the dossier closed
    backPassed(pi, "Timer_DecisionDeadline", "Gateway_SilenceMeans");
    acquiredAndClosed(pi);
  }

  @Test
  void the_procureur_raising_no_objection_early_also_ends_in_acquisition() {
    ProcessInstance pi = transmitted();

    authorityNotifies("POSITIVE", "2026-06-01");

    acquiredAndClosed(pi);
  }

  @Test
  void not_eligible_informs_the_person_of_what_is_missing_and_closes() {
    ProcessInstance pi = evaluated("NOT_ELIGIBLE");

    completeTask(pi, "Task_InformNotEligible", "service-social", "closingChoice", "CLOSE");
    run(pi, "Task_CloseNotEligible");

    assertThat(pi).isEnded().hasPassed("EndEvent_NotEligible").hasNotPassed("Task_CollectDocuments");
  }

  @Test
  void not_eligible_yet_the_person_is_recalled_on_the_date_the_conditions_will_be_met() {
    ProcessInstance pi = evaluated("NOT_ELIGIBLE");

    completeTask(pi, "Task_InformNotEligible", "service-social", "closingChoice", "RECALL", "recallOn", "2026-11-03");
    assertThat(pi).isWaitingAt("Timer_Recall");
    assertThat(timerDue(pi, "Timer_Recall")).isEqualTo(at("2026-11-03T00:00"));
    fire(pi, "Timer_Recall");
    completeTask(pi, "Task_RecallPerson", "service-social", "doneOn", "2026-11-04");
    run(pi, "Task_CloseNotEligible");

    assertThat(pi).isEnded().hasPassed("Task_RecallPerson", "EndEvent_NotEligible");
  }

  @Test
  void needs_review_legal_staff_continue_to_the_document_checkpoint() {
    ProcessInstance pi = evaluated("NEEDS_REVIEW");

    completeTask(pi, "Task_LegalReview", "juristes", "reviewDecision", "CONTINUE", "reviewReason", "Carte à vérifier");

    assertThat(front(pi)).isWaitingAt("Task_CollectDocuments");
  }

  @Test
  void needs_review_legal_staff_stop_and_the_person_is_informed() {
    ProcessInstance pi = evaluated("NEEDS_REVIEW");

    completeTask(pi, "Task_LegalReview", "juristes", "reviewDecision", "STOP", "reviewReason", "Séjour interrompu");

    assertThat(pi).isWaitingAt("Task_InformNotEligible");
  }

  @Test
  void missing_documents_keep_the_checkpoint_closed_with_a_reminder_then_an_escalation() {
    when(procedure.documentsComplete(DOSSIER)).thenReturn(false);
    ProcessInstance pi = evaluated("ELIGIBLE");

    completeTask(pi, "Task_CollectDocuments", "service-social");
    run(pi, "Task_CheckDocuments");
    assertThat(front(pi)).isWaitingAt("Task_CollectDocuments");
    assertThat(pi).hasNotPassed("Task_FileDeclaration");

    fire(pi, "Timer_DocumentsReminder");
    fire(pi, "Timer_CollectionStalled");
    assertThat(task("Task_RemindDocuments", front(pi))).hasCandidateGroup("service-social");
    assertThat(task("Task_EscalateCollection", front(pi))).hasCandidateGroup("superviseurs");
  }

  @Test
  void the_registrar_asks_to_complete_and_the_file_is_completed_in_time() {
    ProcessInstance pi = declared();

    authorityNotifies("MORE_DOCUMENTS", "2026-03-20");
    run(pi, "Task_RegistrarAnswered");
    run(pi, "Task_StartCompletionClock");
    verify(nationality).startCompletionClock(DOSSIER, "2026-03-20");
    assertThat(task("Task_CompleteDeclaration", where(pi, "Task_CompleteDeclaration")).getDueDate()).isEqualTo(COMPLETION_DEADLINE);
    assertThat(timerDue(pi, "Timer_CompletionDeadline")).isEqualTo(COMPLETION_DEADLINE);

    // a reminder after 10 (office) days, then the pieces are handed in
    fire(pi, "Timer_CompletionReminder");
    completeTask(pi, "Task_RemindCompletion", "service-social", "remindedOn", "2026-04-01");
    completeTask(pi, "Task_CompleteDeclaration", "service-social", "completedOn", "2026-04-20");
    run(pi, "Task_RecordCompletion");
    verify(nationality).completionMet(DOSSIER);

    // the registrar then acknowledges the complete file: the opinion window starts from that day
    assertThat(pi).isWaitingAt("Msg_RegistrarAnswer");
    authorityNotifies("POSITIVE", "2026-05-04");
    run(pi, "Task_StartDecisionClock");
    verify(nationality).startOpinionClock(DOSSIER, "2026-05-04");
    waitingAt(pi, "Task_RecordDecision");
  }

  @Test
  void a_file_not_completed_within_two_months_makes_the_declaration_inadmissible() {
    ProcessInstance pi = declared();
    authorityNotifies("MORE_DOCUMENTS", "2026-03-20");
    run(pi, "Task_RegistrarAnswered");
    run(pi, "Task_StartCompletionClock");

    fire(pi, "Timer_CompletionDeadline");
    run(pi, "Task_CompletionMissed");
    completeTask(pi, "Task_InformInadmissible", "service-social", "closingChoice", "CLOSE");
    run(pi, "Task_CloseInadmissible");

    verify(nationality).completionMissed(DOSSIER);
    assertThat(pi).isEnded().hasPassed("EndEvent_Inadmissible").hasNotPassed("Task_RecordCompletion");
  }

  @Test
  void the_registrar_declaring_the_declaration_inadmissible_closes_the_dossier() {
    ProcessInstance pi = declared();

    authorityNotifies("NEGATIVE", "2026-03-25");
    run(pi, "Task_RegistrarAnswered");
    run(pi, "Task_RecordInadmissible");
    completeTask(pi, "Task_InformInadmissible", "service-social", "closingChoice", "REORIENT");
    run(pi, "Task_CloseInadmissible");

    verify(nationality).declarationInadmissible(DOSSIER);
    assertThat(pi).isEnded().hasPassed("EndEvent_Inadmissible");
  }

  @Test
  void a_registrar_silent_for_35_working_days_gives_legal_staff_a_task_and_a_late_answer_still_counts() {
    ProcessInstance pi = declared();

    fire(pi, "Timer_CompletenessCheck");
    run(pi, "Task_MarkRegistrarOverdue");
    verify(nationality).completenessCheckOverdue(DOSSIER);
    completeTask(pi, "Task_RegistrarOverdue", "juristes", "overdueAnalysis", "Commune relancée");

    assertThat(pi).isWaitingAt("Msg_RegistrarAnswer");
    authorityNotifies("POSITIVE", "2026-05-06");
    run(pi, "Task_StartDecisionClock");
    verify(nationality).startOpinionClock(DOSSIER, "2026-05-06");
    verify(nationality, never()).registrarAnswered(anyLong(), any(), any());
  }

  @Test
  void a_negative_opinion_opens_15_days_and_legal_staff_ask_for_the_family_court() {
    ProcessInstance pi = transmitted();

    authorityNotifies("NEGATIVE", "2026-07-15");
    run(pi, "Task_StartAppealClock");
    verify(nationality).startReferralClock(DOSSIER, "2026-07-15");
    assertThat(task("Task_PrepareAppeal", where(pi, "Task_PrepareAppeal")).getDueDate()).isEqualTo(REFERRAL_DEADLINE);
    assertThat(timerDue(pi, "Timer_AppealDeadline")).isEqualTo(REFERRAL_DEADLINE);
    completeTask(pi, "Task_PrepareAppeal", "juristes", "appealChoice", "APPEAL", "referralSentOn", "2026-07-20");
    run(pi, "Task_AppealFiled");

    verify(nationality).referralRequested(DOSSIER);
    assertThat(pi).isEnded().hasPassed("EndEvent_ReferralRequested").hasNotPassed("Task_NewIdentityCard");
  }

  @Test
  void when_the_15_days_pass_without_a_referral_the_dossier_is_closed_as_refused() {
    ProcessInstance pi = transmitted();
    authorityNotifies("NEGATIVE", "2026-07-15");
    run(pi, "Task_StartAppealClock");

    fire(pi, "Timer_AppealDeadline");
    run(pi, "Task_AppealWindowMissed");
    run(pi, "Task_CloseRefused");

    verify(nationality).referralWindowMissed(DOSSIER);
    assertThat(pi).isEnded().hasPassed("EndEvent_Refused");
  }

  @Test
  void legal_staff_may_decide_not_to_ask_for_a_referral() {
    ProcessInstance pi = transmitted();
    authorityNotifies("NEGATIVE", "2026-07-15");
    run(pi, "Task_StartAppealClock");

    completeTask(pi, "Task_PrepareAppeal", "juristes", "appealChoice", "NONE");
    run(pi, "Task_CloseRefused");

    assertThat(pi).isEnded().hasPassed("EndEvent_Refused").hasNotPassed("EndEvent_ReferralRequested");
  }

  @Test
  void the_parquet_asking_for_information_keeps_the_same_opinion_window() {
    ProcessInstance pi = transmitted();

    authorityNotifies("MORE_DOCUMENTS", "2026-06-01");
    completeTask(pi, "Task_ProvideMoreDocuments", "service-social", "moreDocumentsSentOn", "2026-06-05");
    run(pi, "Task_ExtendDecisionClock");

    waitingAt(pi, "Task_RecordDecision");
    verify(nationality, org.mockito.Mockito.times(1)).startOpinionClock(anyLong(), any());
    assertThat(timerDue(pi, "Timer_DecisionDeadline")).isEqualTo(OPINION_DEADLINE);
  }
}
