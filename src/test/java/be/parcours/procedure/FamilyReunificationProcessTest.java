package be.parcours.procedure;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** FamilyReunification.bpmn, one test per path; the procedure service is a mock, timers run on ClockUtil. */
@Deployment(resources = {"FamilyReunification.bpmn", "VisaD.bpmn", "DossierFront.bpmn", "DossierBack.bpmn"})
class FamilyReunificationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-tests.camunda.cfg.xml")
      .build();

  static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
  static final long DOSSIER = 42L;
  static final String REFERENCE = "RF-2026-00042";
  static final Date DECISION_DEADLINE = at("2026-10-16T00:00");
  static final Date APPEAL_DEADLINE = at("2026-12-05T00:00");
  static final Date VISA_COLLECTION_DEADLINE = at("2026-12-02T00:00");
  static final Date FAVOUR_REVIEW_DEADLINE = at("2027-02-05T00:00");

  ProcessEngine processEngine;
  ProcedureService procedure = mock(ProcedureService.class);
  DecisionService decisions = mock(DecisionService.class);

  static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(BRUSSELS).toInstant());
  }

  @BeforeEach
  void setUp() {
    // the application's engine may live in the same JVM (Spring tests): assert on this one
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(processEngine);
    Mocks.register("procedureService", procedure);
    Mocks.register("decisionTaskListener", new DecisionTaskListener(decisions, processEngine.getIdentityService()));
    Mocks.register("dossierBack", new DossierBack(procedure, mock(VisaProcedure.class), mock(NationalityProcedure.class)));
    ClockUtil.setCurrentTime(at("2026-01-12T09:00"));
    when(procedure.startDecisionClock(anyLong(), any(), any())).thenReturn(DECISION_DEADLINE);
    when(procedure.extendDecisionClock(anyLong(), any(), any())).thenReturn(at("2027-01-16T00:00"));
    when(procedure.startAppealClock(anyLong(), any(), any())).thenReturn(APPEAL_DEADLINE);
    when(procedure.startVisaCollectionClock(anyLong(), any())).thenReturn(VISA_COLLECTION_DEADLINE);
    when(procedure.startFavourReview(anyLong(), any())).thenReturn(FAVOUR_REVIEW_DEADLINE);
    when(procedure.decisionOverdue(DOSSIER)).thenReturn(true);
    when(procedure.documentsComplete(DOSSIER)).thenReturn(true);
    when(procedure.applicantAbroad(DOSSIER)).thenReturn(true);
  }

  @AfterEach
  void tearDown() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
    Mocks.reset();
    ClockUtil.reset();
  }

  private static ProcessInstance front(ProcessInstance pi) {
    return ProcedureProcessTestSupport.front(pi);
  }

  private static ProcessInstance back(ProcessInstance pi) {
    return ProcedureProcessTestSupport.back(pi);
  }

  /** The procedure or a process it called (front, visa D, back) that waits at this activity. */
  private static ProcessInstance where(ProcessInstance pi, String activityId) {
    return ProcedureProcessTestSupport.where(pi, activityId);
  }

  /** The processes of this dossier: the procedure and those it called (they share the business key). */
  private static java.util.List<ProcessInstance> dossierProcesses() {
    return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(REFERENCE).list();
  }

  /** The one asynchronous step waiting in the dossier's processes (timers aside). */
  private static org.camunda.bpm.engine.runtime.Job job() {
    var jobs = dossierProcesses().stream().flatMap(p -> managementService().createJobQuery()
        .processInstanceId(p.getId()).messages().list().stream()).toList();
    org.assertj.core.api.Assertions.assertThat(jobs).as("one asynchronous step waiting").hasSize(1);
    return jobs.get(0);
  }

  private static org.camunda.bpm.engine.runtime.Job job(String activityId) {
    return job(activityId, runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(REFERENCE)
        .processDefinitionKey("FamilyReunification").singleResult());
  }

  private static org.camunda.bpm.engine.runtime.Job job(String activityId, ProcessInstance pi) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job(activityId, where(pi, activityId));
  }

  private static org.camunda.bpm.engine.runtime.Job job(ProcessInstance pi) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job(pi);
  }

  /** The one open task of the dossier's processes. */
  private static org.camunda.bpm.engine.task.Task task() {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService().createTaskQuery()
        .processInstanceBusinessKey(REFERENCE).singleResult();
  }

  private static org.camunda.bpm.engine.task.Task task(ProcessInstance pi) {
    return task();
  }

  private static org.camunda.bpm.engine.task.Task task(String taskKey, ProcessInstance pi) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService().createTaskQuery()
        .processInstanceBusinessKey(REFERENCE).taskDefinitionKey(taskKey).singleResult();
  }

  private ProcessInstance startAndEvaluate(String outcome) {
    return startAndEvaluate(outcome, "OTHER");
  }

  private ProcessInstance startAndEvaluate(String outcome, String sponsorCard) {
    when(procedure.evaluateEligibility(DOSSIER)).thenReturn(outcome);
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("FamilyReunification", REFERENCE,
        withVariables("dossierId", DOSSIER, "dossierReference", REFERENCE));
    assertThat(pi).isWaitingAt("CallActivity_DossierFront");
    assertThat(front(pi)).isWaitingAt("Task_Intake");
    assertThat(task()).hasCandidateGroup("accueil").hasCandidateGroup("service-social");
    complete(task(), withVariables("sponsorCard", sponsorCard));
    assertThat(front(pi)).isWaitingAt("Task_EvaluateEligibility");
    execute(job());
    return pi;
  }

  private void fileAbroad(ProcessInstance pi) {
    assertThat(front(pi)).isWaitingAt("Task_CollectDocuments");
    complete(task(front(pi)));
    execute(job("Task_CheckDocuments")); // document check
    assertThat(pi).isWaitingAt("CallActivity_VisaD");
    ProcessInstance visa = calledProcessInstance("VisaD", pi);
    assertThat(task(visa)).hasDefinitionKey("Task_BookAppointment").hasCandidateGroup("service-social");
    complete(task(visa), withVariables("appointmentOn", "2026-02-02", "appointmentPlace", "VFS Rabat"));
    complete(task(visa), withVariables("filedOn", "2026-02-02"));
    assertThat(back(pi)).isWaitingAt("Task_StartDecisionClock");
    execute(job());
    assertThat(back(pi)).isWaitingAt("Task_RecordDecision");
  }

  private void decide(String outcome, String notifiedOn) {
    runtimeService().createMessageCorrelation("DecisionReceived").processInstanceBusinessKey(REFERENCE)
        .setVariable("decisionOutcome", outcome).setVariable("decisionNotifiedOn", notifiedOn).correlate();
  }

  @Test
  void eligible_abroad_goes_through_the_visa_d_and_a_positive_decision_to_the_follow_up_and_closure() {
    // given an eligible applicant abroad whose visa D was filed
    ProcessInstance pi = startAndEvaluate("ELIGIBLE");
    fileAbroad(pi);
    verify(procedure).startDecisionClock(DOSSIER, "2026-02-02", "OTHER");
    org.assertj.core.api.Assertions.assertThat(job("Timer_DecisionDeadline").getDuedate()).isEqualTo(DECISION_DEADLINE);

    // when the Immigration Office decides positively
    decide("POSITIVE", "2026-06-01");
    execute(job());
    execute(job()); // the visa collection clock
    verify(procedure).startVisaCollectionClock(DOSSIER, "2026-06-01");
    assertThat(task("Task_CollectVisa", pi)).hasCandidateGroup("service-social");
    org.assertj.core.api.Assertions.assertThat(task("Task_CollectVisa", pi).getDueDate())
        .isEqualTo(VISA_COLLECTION_DEADLINE);
    complete(task("Task_CollectVisa", pi), withVariables("visaCollectedOn", "2026-06-15"));
    execute(job());
    verify(procedure).visaCollected(DOSSIER);
    complete(task("Task_PrepareArrival", pi));
    complete(task("Task_RegisterAtCommune", pi));
    complete(task("Task_HealthInsurance", pi));
    complete(task("Task_FamilyAllowances", pi));
    complete(task("Task_SchoolEnrolment", pi));
    complete(task("Task_FrenchClasses", pi));
    execute(job());

    // then the family is followed up and the dossier closed
    assertThat(pi).isEnded().hasPassed("CallActivity_DossierBack", "Gateway_FollowUpJoin", "EndEvent_Granted");
    ProcedureProcessTestSupport.backPassed(pi, "Task_RecordPositive", "EndEvent_Granted");
    verify(procedure).decisionPositive(DOSSIER, null);
    verify(procedure).close(DOSSIER);
  }

  @Test
  void eligible_in_belgium_files_at_the_commune_and_starts_the_decision_clock_from_that_date() {
    when(procedure.applicantAbroad(DOSSIER)).thenReturn(false);
    ProcessInstance pi = startAndEvaluate("ELIGIBLE");
    complete(task(front(pi)));
    execute(job("Task_CheckDocuments"));

    assertThat(pi).isWaitingAt("Task_FileAtCommune");
    complete(task(pi), withVariables("filedOn", "2026-03-03"));
    execute(job());

    assertThat(pi).hasNotPassed("CallActivity_VisaD");
    assertThat(back(pi)).isWaitingAt("Task_RecordDecision");
    verify(procedure).startDecisionClock(DOSSIER, "2026-03-03", "OTHER");

    // a positive decision for a person already in Belgium: no visa to collect, straight to the commune
    decide("POSITIVE", "2026-09-01");
    execute(job());
    assertThat(pi).isWaitingAt("Task_RegisterAtCommune").hasNotPassed("Task_CollectVisa", "Task_PrepareArrival");
  }

  @Test
  void a_sponsor_with_a_long_term_or_blue_card_gets_the_short_decision_clock() {
    ProcessInstance pi = startAndEvaluate("ELIGIBLE", "H");
    fileAbroad(pi);

    verify(procedure).startDecisionClock(DOSSIER, "2026-02-02", "H");
    decide("MORE_DOCUMENTS", "2026-04-01");
    complete(task(pi));
    execute(job());
    verify(procedure).extendDecisionClock(DOSSIER, "2026-02-02", "H");
  }

  @Test
  void a_visa_not_collected_within_six_months_goes_to_legal_staff_and_closes() {
    ProcessInstance pi = startAndEvaluate("ELIGIBLE");
    fileAbroad(pi);
    decide("POSITIVE", "2026-06-01");
    execute(job());
    execute(job());
    assertThat(pi).isWaitingAt("Task_CollectVisa");

    ClockUtil.setCurrentTime(at("2026-12-02T00:01"));
    execute(job("Timer_VisaCollectionDeadline", pi));
    execute(job());
    verify(procedure).visaCollectionMissed(DOSSIER);
    assertThat(task("Task_VisaNotCollected", pi)).hasCandidateGroup("juristes");
    complete(task("Task_VisaNotCollected", pi), withVariables("visaLapsedAnalysis", "Nouvelle demande à introduire"));
    execute(job());

    assertThat(pi).isEnded().hasPassed("EndEvent_VisaLapsed").hasNotPassed("Task_PrepareArrival");
    verify(procedure).close(DOSSIER);
  }

  @Test
  void not_eligible_informs_the_person_and_closes() {
    ProcessInstance pi = startAndEvaluate("NOT_ELIGIBLE");

    assertThat(pi).isWaitingAt("Task_InformNotEligible");
    assertThat(task()).hasCandidateGroup("service-social");
    complete(task(), withVariables("closingChoice", "REORIENT"));
    execute(job());

    assertThat(pi).isEnded().hasPassed("EndEvent_NotEligible").hasNotPassed("Task_CollectDocuments");
    verify(procedure).close(DOSSIER);
  }

  @Test
  void needs_review_then_legal_staff_continue_to_the_document_checkpoint() {
    ProcessInstance pi = startAndEvaluate("NEEDS_REVIEW");

    assertThat(front(pi)).isWaitingAt("Task_LegalReview");
    assertThat(task()).hasCandidateGroup("juristes");
    complete(task(), withVariables("reviewDecision", "CONTINUE", "reviewReason", "Revenus proches du seuil"));

    assertThat(front(pi)).isWaitingAt("Task_CollectDocuments");
  }

  @Test
  void needs_review_then_legal_staff_stop_and_the_person_is_informed() {
    ProcessInstance pi = startAndEvaluate("NEEDS_REVIEW");
    complete(task(), withVariables("reviewDecision", "STOP", "reviewReason", "Lien familial non établi"));

    assertThat(pi).isWaitingAt("Task_InformNotEligible");
    complete(task());
    execute(job());
    assertThat(pi).isEnded().hasPassed("CallActivity_DossierFront", "Task_InformNotEligible", "EndEvent_NotEligible");
    ProcedureProcessTestSupport.frontPassed(pi, "Task_LegalReview", "EndEvent_FrontStopped");
  }

  @Test
  void missing_documents_keep_the_checkpoint_closed_with_a_reminder_then_an_escalation() {
    when(procedure.documentsComplete(DOSSIER)).thenReturn(false);
    ProcessInstance pi = startAndEvaluate("ELIGIBLE");

    // a round of collection that leaves a document missing loops back
    complete(task("Task_CollectDocuments", front(pi)));
    execute(job("Task_CheckDocuments"));
    assertThat(front(pi)).isWaitingAt("Task_CollectDocuments").hasPassed("Gateway_DocumentsComplete");

    // the reminder hangs on the collection task, the escalation on the whole collection
    ClockUtil.setCurrentTime(at("2026-03-01T09:00"));
    execute(job("Timer_DocumentsReminder", front(pi)));
    execute(job("Timer_CollectionStalled", front(pi)));
    assertThat(task("Task_RemindDocuments", front(pi))).hasCandidateGroup("service-social");
    assertThat(task("Task_EscalateCollection", front(pi))).hasCandidateGroup("superviseurs");
    assertThat(front(pi)).isWaitingAt("Task_CollectDocuments", "Task_RemindDocuments", "Task_EscalateCollection");
  }

  @Test
  void a_negative_decision_opens_the_appeal_window_and_legal_staff_file_an_appeal() {
    ProcessInstance pi = startAndEvaluate("ELIGIBLE");
    fileAbroad(pi);

    decide("NEGATIVE", "2026-11-04");
    execute(job());

    verify(procedure).startAppealClock(DOSSIER, "2026-11-04", null);
    assertThat(back(pi)).isWaitingAt("Task_PrepareAppeal");
    assertThat(task()).hasCandidateGroup("juristes");
    org.assertj.core.api.Assertions.assertThat(task().getDueDate()).isEqualTo(APPEAL_DEADLINE);
    org.assertj.core.api.Assertions.assertThat(job("Timer_AppealDeadline", pi).getDuedate()).isEqualTo(APPEAL_DEADLINE);
    complete(task(), withVariables("appealChoice", "APPEAL"));
    execute(job());
    assertThat(pi).isEnded().hasPassed("EndEvent_AppealFiled");
    verify(procedure).appealFiled(DOSSIER);
  }

  @Test
  void when_the_appeal_window_closes_unused_the_dossier_is_closed_as_refused() {
    ProcessInstance pi = startAndEvaluate("ELIGIBLE");
    fileAbroad(pi);
    decide("NEGATIVE", "2026-11-04");
    execute(job());

    ClockUtil.setCurrentTime(at("2026-12-05T00:01"));
    execute(job("Timer_AppealDeadline", pi));
    execute(job()); // record the missed window
    execute(job()); // close

    assertThat(pi).isEnded().hasPassed("EndEvent_Refused");
    ProcedureProcessTestSupport.backPassed(pi, "Task_AppealWindowMissed");
    verify(procedure).appealWindowMissed(DOSSIER);
  }

  @Test
  void a_refusal_can_go_to_the_favour_review_path() {
    ProcessInstance pi = startAndEvaluate("ELIGIBLE");
    fileAbroad(pi);
    decide("NEGATIVE", "2026-11-04");
    execute(job());

    complete(task(), withVariables("appealChoice", "FAVOUR_REVIEW"));
    execute(job());

    // the request is due within 3 months of the refusal
    assertThat(pi).isWaitingAt("Task_RequestFavourReview");
    verify(procedure).startFavourReview(DOSSIER, "2026-11-04");
    org.assertj.core.api.Assertions.assertThat(task(pi).getDueDate()).isEqualTo(FAVOUR_REVIEW_DEADLINE);
    org.assertj.core.api.Assertions.assertThat(job("Timer_FavourReviewDeadline", pi).getDuedate())
        .isEqualTo(FAVOUR_REVIEW_DEADLINE);
    complete(task(pi), withVariables("favourReviewCase", "LEASE_NOT_REGISTERED", "favourReviewSentOn", "2026-11-20"));
    execute(job());
    verify(procedure).favourReviewRequested(DOSSIER);

    // the Immigration Office reviews: a reminder if it is slow, then its new decision moves the dossier on
    assertThat(pi).isWaitingAt("Task_AwaitReviewDecision");
    execute(job("Timer_ReviewReminder", pi));
    assertThat(task("Task_RemindReview", pi)).hasCandidateGroup("service-social");
    decide("POSITIVE", "2027-01-10");
    assertThat(back(pi)).isWaitingAt("Task_RecordPositive");
    assertThat(pi).isWaitingAt("CallActivity_DossierBack", "Task_RemindReview");
  }

  @Test
  void a_favour_review_not_requested_in_time_closes_the_dossier_as_refused() {
    ProcessInstance pi = startAndEvaluate("ELIGIBLE");
    fileAbroad(pi);
    decide("NEGATIVE", "2026-11-04");
    execute(job());
    complete(task(), withVariables("appealChoice", "FAVOUR_REVIEW"));
    execute(job());

    ClockUtil.setCurrentTime(at("2027-02-05T00:01"));
    execute(job("Timer_FavourReviewDeadline", pi));
    execute(job()); // record the missed review window
    execute(job()); // close

    assertThat(pi).isEnded().hasPassed("Task_FavourReviewMissed", "EndEvent_Refused");
    verify(procedure).favourReviewMissed(DOSSIER);
  }

  @Test
  void when_the_decision_deadline_passes_legal_staff_get_a_task_and_a_late_decision_still_counts() {
    ProcessInstance pi = startAndEvaluate("ELIGIBLE");
    fileAbroad(pi);

    ClockUtil.setCurrentTime(at("2026-10-16T00:01"));
    execute(job("Timer_DecisionDeadline", pi));
    execute(job());

    verify(procedure).decisionOverdue(DOSSIER);
    assertThat(back(pi)).isWaitingAt("Task_DecisionOverdue");
    assertThat(task()).hasCandidateGroup("juristes");
    complete(task(), withVariables("overdueAnalysis", "Rappel envoyé à l'OE"));
    assertThat(back(pi)).isWaitingAt("Task_RecordLateDecision");
    decide("POSITIVE", "2026-11-02");
    assertThat(back(pi)).isWaitingAt("Task_RecordPositive");
    execute(job());
    verify(procedure).decisionPositive(DOSSIER, true); // the decision deadline stays MISSED
  }

  @Test
  void more_documents_requested_extends_the_decision_clock_and_waits_again() {
    ProcessInstance pi = startAndEvaluate("ELIGIBLE");
    fileAbroad(pi);

    decide("MORE_DOCUMENTS", "2026-05-04");
    assertThat(back(pi)).isWaitingAt("Task_ProvideMoreDocuments");
    complete(task(), withVariables("moreDocumentsSentOn", "2026-05-10"));
    execute(job());

    verify(procedure).extendDecisionClock(DOSSIER, "2026-02-02", "OTHER");
    assertThat(back(pi)).isWaitingAt("Task_RecordDecision");
    org.assertj.core.api.Assertions.assertThat(job("Timer_DecisionDeadline", pi).getDuedate())
        .isEqualTo(at("2027-01-16T00:00"));
  }

  @Test
  void a_failing_rule_evaluation_becomes_an_incident_and_a_retry_resumes() {
    when(procedure.evaluateEligibility(DOSSIER)).thenThrow(new IllegalStateException("no eligibility rules"));
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("FamilyReunification", REFERENCE,
        withVariables("dossierId", DOSSIER, "dossierReference", REFERENCE));
    complete(task(front(pi)));
    var job = job(front(pi));
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        managementService().executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the job's retries go down to zero: then an incident
      }
    }
    org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId())
        .count()).isEqualTo(1);

    // fixed rules + retry resumes the dossier
    org.mockito.Mockito.reset(procedure);
    when(procedure.evaluateEligibility(DOSSIER)).thenReturn("ELIGIBLE");
    managementService().setJobRetries(job.getId(), 1);
    execute(job(front(pi)));
    assertThat(front(pi)).isWaitingAt("Task_CollectDocuments");
  }

  @Test
  void the_escalation_counts_from_the_first_request_for_documents_however_often_the_collection_is_completed() {
    when(procedure.documentsComplete(DOSSIER)).thenReturn(false);
    ProcessInstance pi = startAndEvaluate("ELIGIBLE");
    // the documents are first asked for on Monday 12 January 2026
    Date escalationDue = job("Timer_CollectionStalled", front(pi)).getDuedate();
    org.assertj.core.api.Assertions.assertThat(escalationDue).isEqualTo(at("2026-01-27T09:00"));

    // three incomplete rounds, four days apart: each asks for the documents again
    for (String day : new String[] {"2026-01-16T10:00", "2026-01-20T10:00", "2026-01-24T10:00"}) {
      ClockUtil.setCurrentTime(at(day));
      complete(task("Task_CollectDocuments", front(pi)));
      execute(job("Task_CheckDocuments", front(pi)));
      assertThat(front(pi)).isWaitingAt("Task_CollectDocuments");
      // the reminder follows the last request, the escalation does not move
      org.assertj.core.api.Assertions.assertThat(job("Timer_DocumentsReminder", front(pi)).getDuedate())
          .isEqualTo(new Date(at(day).getTime() + 5L * 86_400_000L));
      org.assertj.core.api.Assertions.assertThat(job("Timer_CollectionStalled", front(pi)).getDuedate()).isEqualTo(escalationDue);
    }

    // fifteen days after the first request the supervisors are told, once, while the collection goes on
    ClockUtil.setCurrentTime(at("2026-01-27T09:01"));
    execute(job("Timer_CollectionStalled", front(pi)));
    assertThat(task("Task_EscalateCollection", front(pi))).hasCandidateGroup("superviseurs");
    assertThat(front(pi)).isWaitingAt("Task_CollectDocuments", "Task_EscalateCollection");
    complete(task("Task_CollectDocuments", front(pi)));
    execute(job("Task_CheckDocuments", front(pi)));
    org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().processInstanceId(front(pi).getId())
        .activityId("Timer_CollectionStalled").count()).isZero();

    // once the documents are complete the collection ends and the procedure goes on
    when(procedure.documentsComplete(DOSSIER)).thenReturn(true);
    complete(task("Task_CollectDocuments", front(pi)));
    execute(job("Task_CheckDocuments", front(pi)));
    assertThat(pi).hasPassed("CallActivity_DossierFront", "Gateway_FrontOutcome", "Gateway_Location")
        .isWaitingAt("CallActivity_VisaD");
    ProcedureProcessTestSupport.frontPassed(pi, "EndEvent_DocumentsComplete", "EndEvent_FrontEligible");
    // the supervisors' open escalation had nothing left to decide: it ended with the front
    org.assertj.core.api.Assertions.assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery()
        .taskDefinitionKey("Task_EscalateCollection").count()).isZero();
  }

  @Test
  void the_caseworker_records_the_decision_in_tasklist_and_the_appeal_clock_starts_from_the_deemed_notification() {
    ProcessInstance pi = startAndEvaluate("ELIGIBLE");
    fileAbroad(pi);
    // the wait for the decision is a Tasklist task of the social service, due on the legal deadline
    assertThat(task("Task_RecordDecision", pi)).hasCandidateGroup("service-social");
    org.assertj.core.api.Assertions.assertThat(task("Task_RecordDecision", pi).getDueDate()).isEqualTo(DECISION_DEADLINE);

    // a refusal sent by registered letter on Monday 1 June 2026: the service says it is deemed notified on the 4th
    when(decisions.recordFromTask(org.mockito.ArgumentMatchers.eq(DOSSIER), any(), any(), any())).thenReturn(
        java.util.Map.of("decisionOutcome", "NEGATIVE", "decisionNotifiedOn", "2026-06-04", "notificationMethod",
            "REGISTERED_LETTER"));
    complete(task("Task_RecordDecision", pi), withVariables("decisionOutcome", "NEGATIVE",
        "notificationMethod", "REGISTERED_LETTER", "decisionPostedOn", "2026-06-01"));

    verify(decisions).recordFromTask(org.mockito.ArgumentMatchers.eq(DOSSIER),
        org.mockito.ArgumentMatchers.argThat(form -> "2026-06-01".equals(form.get("decisionPostedOn"))
            && "NEGATIVE".equals(form.get("decisionOutcome"))),
        org.mockito.ArgumentMatchers.eq("2026-02-02"), any());
    assertThat(back(pi)).isWaitingAt("Task_StartAppealClock").hasNotPassed("Msg_DecisionReceived");
    execute(job());
    verify(procedure).startAppealClock(DOSSIER, "2026-06-04", null);
    assertThat(back(pi)).isWaitingAt("Task_PrepareAppeal");
  }

  @Test
  void a_decision_recorded_through_the_api_first_takes_the_task_away() {
    ProcessInstance pi = startAndEvaluate("ELIGIBLE");
    fileAbroad(pi);

    decide("POSITIVE", "2026-06-01");

    org.assertj.core.api.Assertions.assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery()
        .processInstanceBusinessKey(REFERENCE).taskDefinitionKey("Task_RecordDecision").count()).isZero();
    assertThat(back(pi)).hasPassed("Msg_DecisionReceived").isWaitingAt("Task_RecordPositive");
  }
}
