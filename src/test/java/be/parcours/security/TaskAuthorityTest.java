package be.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Finding 4 (second half) and 6 (races) of the secrecy review: a supervisor handed a juristes
 * review to a caseworker, who then completed it; two users completing the same task got 500; the
 * engine's REST API answered 500 to variables it cannot store.
 */
@ParcoursSpringTest
class TaskAuthorityTest {

  private static final String PROBE = "SecrecyTaskGuardProbe";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  IdentityInitializer identityInitializer;

  @BeforeEach
  void deployProbe() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROBE).count() == 0) {
      repositoryService.createDeployment().name("secrecy-probe").addModelInstance(PROBE + ".bpmn",
          Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
              .startEvent().userTask("Review").name("Examen juridique").camundaCandidateGroups(Groups.LEGAL)
              .endEvent().done()).deploy();
    }
  }

  private Task juristesTask() {
    String pi = runtimeService.startProcessInstanceByKey(PROBE).getId();
    return taskService.createTaskQuery().processInstanceId(pi).singleResult();
  }

  @Test
  void a_juristes_review_handed_to_a_caseworker_cannot_be_completed_by_the_caseworker() {
    Task task = juristesTask();

    var assigned = Api.as(rest, "demo-supervisor").post("/engine-rest/task/" + task.getId() + "/assignee",
        "{\"userId\":\"demo-caseworker\"}");
    assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
        .anySatisfy(m -> assertThat(m).contains("demo-caseworker", "demo-supervisor", "hors du groupe"));

    var completed = Api.as(rest, "demo-caseworker").post("/engine-rest/task/" + task.getId() + "/complete", "{}");
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(completed.getBody()).contains("Seul un membre du groupe", "Juristes");
    assertThat(Api.as(rest, "demo-supervisor").post("/engine-rest/task/" + task.getId() + "/complete", "{}")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();

    // engine-level: the Java API refuses the same for that user
    identityService.setAuthentication("demo-caseworker", List.of(Groups.CASEWORKERS));
    try {
      assertThatThrownBy(() -> taskService.complete(task.getId())).isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining(TaskGroupGuardPlugin.REFUSAL);
    } finally {
      identityService.clearAuthentication();
    }

    assertThat(Api.as(rest, "demo-legal").post("/engine-rest/task/" + task.getId() + "/complete", "{}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void task_rights_are_the_groups_on_the_procedures_not_a_grant_per_task() {
    Task task = juristesTask();
    // the engine writes no grant for the task, its candidate group or its assignee (issue #15: the queue's join)
    assertThat(perTaskGrants(task.getId())).isZero();

    var byCaseworker = Api.as(rest, "demo-caseworker").post("/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\":\"demo-caseworker\"}");
    assertThat(byCaseworker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(byCaseworker.getBody()).contains("Seul un membre du groupe", "Juristes", "prendre");
    // handing work to someone else is the supervisors' (TASK_ASSIGN is theirs only)
    assertThat(Api.as(rest, "demo-caseworker").post("/engine-rest/task/" + task.getId() + "/assignee",
        "{\"userId\":\"demo-caseworker\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();

    assertThat(Api.as(rest, "demo-legal").post("/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\":\"demo-legal\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(perTaskGrants(task.getId())).isZero();
    // its local variables (the Tasklist card: person, reference) are read through the group's rights too
    taskService.setVariableLocal(task.getId(), "dossierReference", "RF-2026-00042");
    identityService.setAuthentication("demo-legal", List.of(Groups.LEGAL));
    try {
      assertThat(runtimeService.createVariableInstanceQuery().taskIdIn(task.getId()).list())
          .extracting(v -> v.getValue()).containsExactly("RF-2026-00042");
    } finally {
      identityService.clearAuthentication();
    }
    // the claimed task is in the jurist's own queue, read through the group's right on the procedures
    assertThat(Api.as(rest, "demo-legal").get("/engine-rest/task?assignee=demo-legal&taskId=" + task.getId())
        .getBody()).contains(task.getId());
    // a caseworker cannot take it back from her either
    assertThat(Api.as(rest, "demo-caseworker").post("/engine-rest/task/" + task.getId() + "/unclaim", "{}")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(rest, "demo-legal").post("/engine-rest/task/" + task.getId() + "/complete", "{}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void per_task_grants_of_an_earlier_version_are_removed_at_start_up() {
    Task task = juristesTask();
    var grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(Groups.LEGAL);
    grant.setResource(Resources.TASK);
    grant.setResourceId(task.getId());
    grant.addPermission(Permissions.READ);
    grant.addPermission(Permissions.UPDATE);
    authorizationService.saveAuthorization(grant);
    assertThat(perTaskGrants(task.getId())).isOne();

    identityInitializer.onReady(null);

    assertThat(perTaskGrants(task.getId())).isZero();
    assertThat(authorizationService.isUserAuthorized("demo-legal", List.of(Groups.LEGAL),
        ProcessDefinitionPermissions.TASK_WORK, Resources.PROCESS_DEFINITION,
        PROBE)).isTrue();
  }

  private long perTaskGrants(String taskId) {
    return authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).count();
  }

  @Test
  void two_jurists_completing_the_same_task_at_once_the_loser_gets_409_never_500() throws Exception {
    List<HttpStatusCode> losers = new ArrayList<>();
    for (int pair = 0; pair < 8; pair++) {
      Task task = juristesTask();
      CyclicBarrier start = new CyclicBarrier(2);
      var a = CompletableFuture.supplyAsync(() -> completeAfter(start, "demo-legal", task));
      var b = CompletableFuture.supplyAsync(() -> completeAfter(start, "demo-legal", task));
      List<HttpStatusCode> both = List.of(a.get(), b.get());
      assertThat(both).as("pair " + pair).contains(HttpStatus.NO_CONTENT);
      assertThat(both).as("pair " + pair).allMatch(s -> s == HttpStatus.NO_CONTENT || s == HttpStatus.CONFLICT);
      both.stream().filter(s -> s != HttpStatus.NO_CONTENT).forEach(losers::add);
    }
    // the loser of a race is told so; a completion after the task ended is a lost race too
    assertThat(losers).isNotEmpty().containsOnly(HttpStatus.CONFLICT);
  }

  private HttpStatusCode completeAfter(CyclicBarrier start, String user, Task task) {
    try {
      start.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return Api.as(rest, user).post("/engine-rest/task/" + task.getId() + "/complete", "{}").getStatusCode();
  }

  @Test
  void completing_an_ended_task_again_is_409_and_an_unknown_task_404() {
    Task task = juristesTask();
    assertThat(Api.as(rest, "demo-legal").post("/engine-rest/task/" + task.getId() + "/complete", "{}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    var again = Api.as(rest, "demo-legal").post("/engine-rest/task/" + task.getId() + "/complete", "{}");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getHeaders().getFirst("Retry-After")).isNotNull();
    assertThat(Api.as(rest, "demo-legal").post("/engine-rest/task/no-such-task/complete", "{}").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void variables_the_engine_cannot_store_are_400_not_500() {
    Task task = juristesTask();
    var object = Api.as(rest, "demo-legal").post("/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\":{\"x\":{\"type\":\"Object\",\"value\":\"{\\\"a\\\":1}\",\"valueInfo\":{"
            + "\"objectTypeName\":\"java.util.HashMap\",\"serializationDataFormat\":\"application/json\"}}}}");
    assertThat(object.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    var java = Api.as(rest, "demo-legal").post("/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\":{\"x\":{\"type\":\"Object\",\"value\":\"rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==\","
            + "\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList\","
            + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}");
    assertThat(java.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();

  }

  @Test
  void a_password_against_the_policy_is_400_not_500() {
    // the demo profile switches the policy off, so the engine's message is translated as such
    var t = EngineErrorFilter.translate("RestException", "Password does not match policy", 0,
        "/engine-rest/user/create", id -> false);
    assertThat(t.status()).isEqualTo(400);
    assertThat(t.body().message()).contains("mot de passe");
    assertThat(EngineErrorFilter.translate("ProcessEngineException", "NullPointerException", 0, "/engine-rest/x",
        id -> false)).isNull();
    assertThat(EngineErrorFilter.translate("OptimisticLockingException", "ENGINE-03005 ...", 1,
        "/camunda/api/engine/engine/default/task/abc/submit-form", id -> false).status()).isEqualTo(409);
  }
}
