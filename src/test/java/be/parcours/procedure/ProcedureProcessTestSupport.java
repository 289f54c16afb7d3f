package be.parcours.procedure;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.Mockito.mock;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the Nationality, VisaC and VisaD process tests share: the in-memory engine of
 * process-tests.camunda.cfg.xml, the procedure beans as mocks, ClockUtil as the clock, and the
 * steps every procedure takes (an asynchronous step run, a task completed, a decision notified).
 */
abstract class ProcedureProcessTestSupport {

  /** Each test class registers its own (one extension instance per class, the engine closed after it). */
  static ProcessEngineExtension engine() {
    return ProcessEngineExtension.builder().configurationResource("process-tests.camunda.cfg.xml").build();
  }

  static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
  static final long DOSSIER = 42L;

  /** The test class's engine (the extension injects it into a field declared by the test class itself). */
  abstract ProcessEngine processEngine();
  ProcedureService procedure = mock(ProcedureService.class);
  NationalityProcedure nationality = mock(NationalityProcedure.class);
  VisaProcedure visa = mock(VisaProcedure.class);
  DecisionService decisions = mock(DecisionService.class);

  static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(BRUSSELS).toInstant());
  }

  abstract String reference();

  @BeforeEach
  void setUpEngine() {
    // the application's engine may live in the same JVM (Spring tests): assert on this one
    BpmnAwareTests.init(processEngine());
    Mocks.register("procedureService", procedure);
    Mocks.register("decisionTaskListener", new DecisionTaskListener(decisions, processEngine().getIdentityService()));
    Mocks.register("nationalityProcedure", nationality);
    Mocks.register("visaProcedure", visa);
    Mocks.register("dossierBack", new DossierBack(procedure, visa, nationality));
    ClockUtil.setCurrentTime(at("2026-01-12T09:00"));
  }

  @AfterEach
  void tearDownEngine() {
    BpmnAwareTests.reset();
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance start(String processKey) {
    return runtimeService().startProcessInstanceByKey(processKey, reference(),
        Map.of("dossierId", DOSSIER, "dossierReference", reference()));
  }

  /**
   * The instance where this activity is active: the procedure itself, or a process it called and
   * that is still running (the common front, the visa D filing), however deep.
   */
  static ProcessInstance where(ProcessInstance pi, String activityId) {
    java.util.ArrayDeque<ProcessInstance> todo = new java.util.ArrayDeque<>(java.util.List.of(pi));
    while (!todo.isEmpty()) {
      ProcessInstance candidate = todo.poll();
      if (runtimeService().createExecutionQuery().processInstanceId(candidate.getId()).activityId(activityId).count() > 0
          || managementService().createJobQuery().processInstanceId(candidate.getId()).activityId(activityId).count() > 0) {
        return candidate;
      }
      todo.addAll(runtimeService().createProcessInstanceQuery().superProcessInstanceId(candidate.getId()).list());
    }
    return pi;
  }

  /** The common front (DossierFront.bpmn) the procedure called and that still runs. */
  static ProcessInstance front(ProcessInstance pi) {
    ProcessInstance front = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey("DossierFront").singleResult();
    org.assertj.core.api.Assertions.assertThat(front).as("the common front called by " + pi.getId()).isNotNull();
    org.assertj.core.api.Assertions.assertThat(front.getBusinessKey()).isEqualTo(pi.getBusinessKey());
    return front;
  }

  /** The common front the procedure called, running or ended, went through these activities. */
  static void frontPassed(ProcessInstance pi, String... activityIds) {
    var front = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
        .createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId()).processDefinitionKey("DossierFront")
        .singleResult();
    org.assertj.core.api.Assertions.assertThat(front).as("the common front called by " + pi.getId()).isNotNull();
    for (String id : activityIds) {
      org.assertj.core.api.Assertions.assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests
          .historyService().createHistoricActivityInstanceQuery().processInstanceId(front.getId()).activityId(id)
          .finished().count()).as("front passed " + id).isPositive();
    }
  }

  /** The procedure, or a process it called that still runs, waits at each of these activities. */
  static void waitingAt(ProcessInstance pi, String... activityIds) {
    for (String id : activityIds) {
      assertThat(where(pi, id)).isWaitingAt(id);
    }
  }

  /** The common back (DossierBack.bpmn) the procedure called and that still runs. */
  static ProcessInstance back(ProcessInstance pi) {
    ProcessInstance back = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey("DossierBack").singleResult();
    org.assertj.core.api.Assertions.assertThat(back).as("the common back called by " + pi.getId()).isNotNull();
    org.assertj.core.api.Assertions.assertThat(back.getBusinessKey()).isEqualTo(pi.getBusinessKey());
    return back;
  }

  /** The last common back the procedure called, running or ended, went through these activities. */
  static void backPassed(ProcessInstance pi, String... activityIds) {
    var history = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService();
    var backs = history.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .processDefinitionKey("DossierBack").list();
    org.assertj.core.api.Assertions.assertThat(backs).as("the common back called by " + pi.getId()).isNotEmpty();
    for (String id : activityIds) {
      long passed = backs.stream().mapToLong(b -> history.createHistoricActivityInstanceQuery()
          .processInstanceId(b.getId()).activityId(id).count()).sum();
      org.assertj.core.api.Assertions.assertThat(passed).as("back passed " + id).isPositive();
    }
  }

  /** The process (or the process it called) waits at an asynchronous step: run it. */
  void run(ProcessInstance pi, String activityId) {
    ProcessInstance at = where(pi, activityId);
    assertThat(at).isWaitingAt(activityId);
    execute(job(activityId, at));
  }

  /** The process (or the process it called) waits at a user task for that group: complete it with these variables. */
  void completeTask(ProcessInstance pi, String taskKey, String group, Object... variables) {
    pi = where(pi, taskKey);
    assertThat(pi).isWaitingAt(taskKey);
    assertThat(task(taskKey, pi)).hasCandidateGroup(group);
    Map<String, Object> vars = new java.util.HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      vars.put((String) variables[i], variables[i + 1]);
    }
    complete(task(taskKey, pi), vars);
  }

  /** Time passes to just after a timer's due date: it fires. */
  void fire(ProcessInstance pi, String timerId) {
    var timer = job(timerId, where(pi, timerId));
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
    execute(timer);
  }

  /** What POST /api/dossiers/{id}/decision does: the DecisionReceived message by business key. */
  void authorityNotifies(String outcome, String notifiedOn) {
    runtimeService().createMessageCorrelation(DecisionService.MESSAGE).processInstanceBusinessKey(reference())
        .setVariable("decisionOutcome", outcome).setVariable("decisionNotifiedOn", notifiedOn).correlate();
  }

  Date timerDue(ProcessInstance pi, String timerId) {
    return job(timerId, where(pi, timerId)).getDuedate();
  }
}
