package be.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Finding 1 of the secrecy review: a receptionist started FamilyReunification with a start
 * instruction before Task_RecordPositive and so "decided" a dossier. No non-administrator may start,
 * modify or move a procedure through the engine.
 */
@ParcoursSpringTest
class EngineAuthorityTest {

  private static final String DECIDE_BY_START_INSTRUCTION = """
      {"businessKey":"RF-2026-00001","skipCustomListeners":true,
       "startInstructions":[{"type":"startBeforeActivity","activityId":"Task_RecordPositive"}]}""";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  AuthorizationService authorizationService;

  @ParameterizedTest
  @ValueSource(strings = {"demo-reception", "demo-caseworker", "demo-legal", "demo-supervisor"})
  void no_group_but_the_administrators_can_start_a_procedure_through_camunda_rest(String user) {
    long before = runtimeService.createProcessInstanceQuery().count();

    var response = Api.as(rest, user).post("/engine-rest/process-definition/key/FamilyReunification/start",
        DECIDE_BY_START_INSTRUCTION);
    var submitForm = Api.as(rest, user).post("/engine-rest/process-definition/key/VisaC/submit-form", "{}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(submitForm.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo-reception", "demo-caseworker", "demo-supervisor"})
  void instance_modification_migration_correlation_and_variable_writes_are_refused(String user) {
    var api = Api.as(rest, user);

    assertThat(api.post("/engine-rest/process-instance/any-id/modification",
        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_RecordPositive\"}]}")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.post("/engine-rest/modification/execute", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.post("/engine-rest/migration/execute", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.post("/engine-rest/message", "{\"messageName\":\"Msg_DecisionReceived\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.post("/engine-rest/process-instance/any-id/variables",
        "{\"modifications\":{\"decisionOutcome\":{\"value\":\"POSITIVE\"}}}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.put("/engine-rest/process-instance/suspended", "{\"suspended\":true}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // the firewall refuses a doubled slash before any servlet sees it
    assertThat(api.post("/engine-rest//process-definition/key/FamilyReunification/start", "{}").getStatusCode())
        .isIn(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN);
    assertThat(api.post("/engine-rest/process-definition/key/FamilyReunification/start/", "{}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void the_webapps_engine_api_refuses_a_start_from_tasklist_too() {
    var response = Api.as(rest, "demo-caseworker")
        .post("/camunda/api/engine/engine/default/process-definition/key/FamilyReunification/submit-form", "{}");

    assertThat(response.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.UNAUTHORIZED);
  }

  @Test
  void queries_sent_as_post_still_answer() {
    assertThat(Api.as(rest, "demo-supervisor").post("/engine-rest/process-instance/count", "{}").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(Api.as(rest, "demo-supervisor").post("/engine-rest/process-instance", "{}").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void no_group_holds_create_instance_on_the_procedures() {
    for (String group : new String[] {Groups.CASEWORKERS, Groups.RECEPTION, Groups.LEGAL, Groups.SUPERVISORS}) {
      for (String key : new String[] {"FamilyReunification", "VisaC", "VisaD", "Nationality"}) {
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(group)
            .resourceType(Resources.PROCESS_DEFINITION).resourceId("*")
            .hasPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE).count())
            .as(group + " on " + key).isZero();
      }
      assertThat(authorizationService.createAuthorizationQuery().groupIdIn(group)
          .resourceType(Resources.PROCESS_INSTANCE).hasPermission(Permissions.CREATE).count()).as(group).isZero();
    }
  }

  @Test
  void the_guard_recognises_the_guarded_paths() {
    assertThat(ProcedureOperationsGuardFilter.isGuarded("/process-definition/key/X/start")).isTrue();
    assertThat(ProcedureOperationsGuardFilter.isGuarded("/process-definition/abc:1:2/restart")).isTrue();
    assertThat(ProcedureOperationsGuardFilter.isGuarded("/task/42/variables/x")).isTrue();
    assertThat(ProcedureOperationsGuardFilter.isGuarded("/deployment/create")).isTrue();
    assertThat(ProcedureOperationsGuardFilter.isGuarded("/process-instance/count")).isFalse();
    assertThat(ProcedureOperationsGuardFilter.isGuarded("/process-instance")).isFalse();
    assertThat(ProcedureOperationsGuardFilter.isGuarded("/task/42/submit-form")).isFalse();
    assertThat(ProcedureOperationsGuardFilter.isGuarded("/task/42/claim")).isFalse();
    assertThat(ProcedureOperationsGuardFilter.isGuarded("/task")).isFalse();
  }
}
