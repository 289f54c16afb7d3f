package be.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@ParcoursSpringTest
class SecurityTest {

  @Autowired
  TestRestTemplate rest;

  @Test
  void anonymous_calls_to_the_apis_are_refused_with_401() {
    var anonymous = Api.anonymous(rest);

    assertThat(anonymous.get("/engine-rest/engine").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    var dossiers = anonymous.get("/api/dossiers");
    assertThat(dossiers.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(dossiers.getBody()).contains("\"error\":\"UNAUTHORIZED\"");
    assertThat(anonymous.get("/v3/api-docs").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Autowired
  org.camunda.bpm.engine.IdentityService identityService;

  @Test
  void a_wrong_password_is_refused() {
    // its own user: Camunda delays the next logins of a user after a failed attempt
    if (identityService.createUserQuery().userId("lockout-probe").count() == 0) {
      var user = identityService.newUser("lockout-probe");
      user.setPassword("Right-Password-42");
      identityService.saveUser(user);
    }
    var response = rest.withBasicAuth("lockout-probe", "wrong").getForEntity("/api/dossiers", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void demo_users_authenticate_on_the_parcours_api_and_camunda_rest() {
    assertThat(Api.as(rest, "demo-caseworker").get("/api/dossiers").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(Api.as(rest, "demo-supervisor").get("/engine-rest/engine").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void a_user_without_the_right_group_gets_403() {
    var response = Api.as(rest, "demo-legal").post("/api/dossiers", "{}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody()).contains("\"error\":\"FORBIDDEN\"");
  }

  @Test
  void camunda_rest_runs_authorization_checks_as_the_authenticated_user() {
    // The caseworker has no READ on deployments: Camunda's own authorization filters them out.
    var caseworker = Api.as(rest, "demo-caseworker").get("/engine-rest/deployment/count");
    var admin = Api.as(rest, "demo-admin").get("/engine-rest/deployment/count");

    assertThat(caseworker.getBody()).isEqualTo("{\"count\":0}");
    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void the_admin_setup_endpoint_is_closed_anonymously_and_for_admins() {
    String body = "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}";

    assertThat(Api.anonymous(rest).post("/camunda/api/admin/setup/default/user/create", body).getStatusCode())
        .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    assertThat(Api.as(rest, "demo-admin").post("/camunda/api/admin/setup/default/user/create", body)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void task_queries_with_expressions_are_rejected_with_400_on_rest_and_webapp_apis() {
    var supervisor = Api.as(rest, "demo-supervisor");

    var inParameter = supervisor.get("/engine-rest/task?assigneeExpression=${currentUser()}");
    var inOrQuery = supervisor.post("/engine-rest/task",
        "{\"orQueries\":[{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}]}");
    var nestedValue = supervisor.post("/engine-rest/task/count", "{\"orQueries\":[{\"nameLike\":\"#{1+1}\"}]}");
    var webapp = Api.anonymous(rest).post("/camunda/api/engine/engine/default/task",
        "{\"dueDateExpression\":\"${now()}\"}");
    var filter = supervisor.post("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}");

    assertThat(inParameter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(inParameter.getBody()).contains("\"field\":\"assigneeExpression\"");
    assertThat(inOrQuery.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(inOrQuery.getBody()).contains("orQueries[0].candidateGroupsExpression");
    assertThat(nestedValue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(webapp.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(filter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void plain_task_queries_still_work() {
    var response = Api.as(rest, "demo-supervisor").post("/engine-rest/task/count",
        "{\"orQueries\":[{\"candidateGroup\":\"juristes\"}]}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void a_tasklist_session_reads_the_api_without_losing_its_session() {
    var headers = new org.springframework.http.HttpHeaders();
    var first = rest.getForEntity("/camunda/app/tasklist/", String.class);
    String cookies = String.join("; ", first.getHeaders().getOrEmpty("Set-Cookie").stream()
        .map(c -> c.split(";")[0]).toList());
    String xsrf = cookies.replaceAll(".*XSRF-TOKEN=([^;]*).*", "$1");
    headers.add("Cookie", cookies);
    headers.add("X-XSRF-TOKEN", xsrf);
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
    var login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
        org.springframework.http.HttpMethod.POST,
        new org.springframework.http.HttpEntity<>("username=demo-caseworker&password=demo", headers), String.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    String session = login.getHeaders().getOrEmpty("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
        .map(c -> c.split(";")[0]).findFirst().orElseThrow();
    var readHeaders = new org.springframework.http.HttpHeaders();
    readHeaders.add("Cookie", session);

    var read = rest.exchange("/api/dossiers", org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(readHeaders), String.class);
    var write = rest.exchange("/api/dossiers", org.springframework.http.HttpMethod.POST,
        new org.springframework.http.HttpEntity<>("{}", readHeaders), String.class);

    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.getHeaders().getOrEmpty("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    assertThat(write.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED); // writes need HTTP Basic
  }

  @Test
  void actuator_exposes_only_health() {
    assertThat(Api.anonymous(rest).get("/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(Api.as(rest, "demo-admin").get("/actuator/env").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(Api.as(rest, "demo-admin").get("/actuator/beans").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
