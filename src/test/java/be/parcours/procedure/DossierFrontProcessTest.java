package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import be.parcours.shared.ProcessVariables;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DossierFront.bpmn on its own, one test per path: the common front every procedure calls (intake,
 * the rules, the legal review when the verdict asks for one, the document checkpoint with its
 * reminder and its escalation) and the outcome it hands back to the procedure.
 */
@Deployment(resources = "DossierFront.bpmn")
class DossierFrontProcessTest extends ProcedureProcessTestSupport {

  @RegisterExtension
  static ProcessEngineExtension engine = engine();

  ProcessEngine processEngine;

  @Override
  ProcessEngine processEngine() {
    return processEngine;
  }

  @Override
  String reference() {
    return "RF-2026-00077";
  }

  private ProcessInstance startFront() {
    return runtimeService().startProcessInstanceByKey("DossierFront", reference(), Map.of(
        ProcessVariables.DOSSIER_ID, DOSSIER, ProcessVariables.DOSSIER_REFERENCE, reference(),
        ProcessVariables.INTAKE_FORM, "Form_Intake", ProcessVariables.DOCUMENTS_FORM, "Form_NationalityDocuments"));
  }

  private ProcessInstance evaluated(String outcome) {
    when(procedure.evaluateEligibility(DOSSIER)).thenReturn(outcome);
    ProcessInstance pi = startFront();
    completeTask(pi, "Task_Intake", "accueil", ProcessVariables.SPONSOR_CARD, "OTHER");
    run(pi, "Task_EvaluateEligibility");
    return pi;
  }

  private static Object outcome(ProcessInstance pi) {
    return historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(ProcessVariables.FRONT_OUTCOME).singleResult().getValue();
  }

  @Test
  void the_intake_and_the_documents_use_the_forms_the_calling_procedure_chose() {
    ProcessInstance pi = startFront();

    assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef().getKey()).isEqualTo("Form_Intake");
    assertThat(task("Task_Intake", pi)).hasCandidateGroup("service-social");

    when(procedure.evaluateEligibility(DOSSIER)).thenReturn("ELIGIBLE");
    completeTask(pi, "Task_Intake", "accueil");
    run(pi, "Task_EvaluateEligibility");
    assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef().getKey()).isEqualTo("Form_NationalityDocuments");
  }

  @Test
  void eligible_with_every_document_ends_eligible_without_a_legal_review() {
    when(procedure.documentsComplete(DOSSIER)).thenReturn(true);
    ProcessInstance pi = evaluated("ELIGIBLE");

    completeTask(pi, "Task_CollectDocuments", "service-social");
    run(pi, "Task_CheckDocuments");

    assertThat(pi).isEnded().hasPassed("EndEvent_DocumentsComplete", "EndEvent_FrontEligible")
        .hasNotPassed("Task_LegalReview");
    assertThat(outcome(pi)).isEqualTo("ELIGIBLE");
  }

  @Test
  void not_eligible_ends_at_once_and_asks_for_no_document() {
    ProcessInstance pi = evaluated("NOT_ELIGIBLE");

    assertThat(pi).isEnded().hasPassed("EndEvent_FrontNotEligible").hasNotPassed("Task_LegalReview",
        "Task_CollectDocuments");
    assertThat(outcome(pi)).isEqualTo("NOT_ELIGIBLE");
    verify(procedure, never()).documentsComplete(DOSSIER);
  }

  @Test
  void needs_review_then_legal_staff_continue_to_the_document_checkpoint() {
    when(procedure.documentsComplete(DOSSIER)).thenReturn(true);
    ProcessInstance pi = evaluated("NEEDS_REVIEW");

    completeTask(pi, "Task_LegalReview", "juristes", ProcessVariables.REVIEW_DECISION, "CONTINUE");
    completeTask(pi, "Task_CollectDocuments", "service-social");
    run(pi, "Task_CheckDocuments");

    assertThat(pi).isEnded().hasPassed("Task_LegalReview", "EndEvent_FrontEligible");
    assertThat(outcome(pi)).isEqualTo("ELIGIBLE");
  }

  @Test
  void needs_review_then_legal_staff_stop_and_the_front_says_stopped() {
    ProcessInstance pi = evaluated("NEEDS_REVIEW");

    completeTask(pi, "Task_LegalReview", "juristes", ProcessVariables.REVIEW_DECISION, "STOP");

    assertThat(pi).isEnded().hasPassed("EndEvent_FrontStopped").hasNotPassed("Task_CollectDocuments");
    assertThat(outcome(pi)).isEqualTo("STOPPED");
  }

  @Test
  void documents_incomplete_send_the_caseworker_back_then_complete_documents_end_the_front() {
    when(procedure.documentsComplete(DOSSIER)).thenReturn(false, true);
    ProcessInstance pi = evaluated("ELIGIBLE");

    completeTask(pi, "Task_CollectDocuments", "service-social");
    run(pi, "Task_CheckDocuments");
    assertThat(pi).isWaitingAt("Task_CollectDocuments").isNotEnded();
    completeTask(pi, "Task_CollectDocuments", "service-social");
    run(pi, "Task_CheckDocuments");

    assertThat(pi).isEnded();
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Task_CollectDocuments").count()).isEqualTo(2);
    assertThat(outcome(pi)).isEqualTo("ELIGIBLE");
  }

  @Test
  void a_reminder_goes_to_the_social_service_five_days_after_the_documents_are_asked_for() {
    ProcessInstance pi = evaluated("ELIGIBLE");
    Date asked = ClockUtil.getCurrentTime();

    assertThat(timerDue(pi, "Timer_DocumentsReminder")).isEqualTo(Date.from(asked.toInstant().plus(Duration.ofDays(5))));
    fire(pi, "Timer_DocumentsReminder");

    assertThat(task("Task_RemindDocuments", pi)).hasCandidateGroup("service-social");
    assertThat(pi).isWaitingAt("Task_CollectDocuments", "Task_RemindDocuments");
  }

  @Test
  void the_escalation_counts_from_the_first_ask_however_often_the_collection_is_completed_incomplete() {
    when(procedure.documentsComplete(DOSSIER)).thenReturn(false, false, true);
    ProcessInstance pi = evaluated("ELIGIBLE");
    Date escalationDue = timerDue(pi, "Timer_CollectionStalled");
    assertThat(escalationDue).isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(15))));

    for (int day = 3; day <= 9; day += 6) {
      ClockUtil.setCurrentTime(at("2026-01-%02dT09:00".formatted(12 + day)));
      completeTask(pi, "Task_CollectDocuments", "service-social");
      run(pi, "Task_CheckDocuments");
      assertThat(pi).isWaitingAt("Task_CollectDocuments");
      assertThat(timerDue(pi, "Timer_CollectionStalled")).isEqualTo(escalationDue);
    }
    fire(pi, "Timer_CollectionStalled");
    assertThat(task("Task_EscalateCollection", pi)).hasCandidateGroup("superviseurs");

    // the documents come in: the front ends, the escalation has nothing left to decide
    completeTask(pi, "Task_CollectDocuments", "service-social");
    run(pi, "Task_CheckDocuments");
    assertThat(pi).isEnded();
    assertThat(outcome(pi)).isEqualTo("ELIGIBLE");
    assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void a_failing_rule_evaluation_becomes_an_incident_and_a_retry_resumes() {
    IllegalStateException down = new IllegalStateException("rules unavailable");
    when(procedure.evaluateEligibility(DOSSIER)).thenThrow(down, down, down).thenReturn("NOT_ELIGIBLE");
    ProcessInstance pi = startFront();
    completeTask(pi, "Task_Intake", "accueil");
    var job = job("Task_EvaluateEligibility", pi);
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        processEngine.getManagementService().executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the retry cycle: R3
      }
    }
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);

    processEngine.getManagementService().setJobRetries(job.getId(), 1);
    processEngine.getManagementService().executeJob(job.getId());

    assertThat(pi).isEnded().hasPassed("EndEvent_FrontNotEligible");
  }
}
