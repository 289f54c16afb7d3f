package be.parcours.procedure;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
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

  /** The process waits at an asynchronous step: run it. */
  void run(ProcessInstance pi, String activityId) {
    assertThat(pi).isWaitingAt(activityId);
    execute(job(activityId, pi));
  }

  /** The process waits at a user task for that group: complete it with these variables. */
  void completeTask(ProcessInstance pi, String taskKey, String group, Object... variables) {
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
    var timer = job(timerId, pi);
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
    execute(timer);
  }

  /** What POST /api/dossiers/{id}/decision does: the DecisionReceived message by business key. */
  void authorityNotifies(String outcome, String notifiedOn) {
    runtimeService().createMessageCorrelation(DecisionService.MESSAGE).processInstanceBusinessKey(reference())
        .setVariable("decisionOutcome", outcome).setVariable("decisionNotifiedOn", notifiedOn).correlate();
  }

  Date timerDue(ProcessInstance pi, String timerId) {
    return job(timerId, pi).getDuedate();
  }
}
