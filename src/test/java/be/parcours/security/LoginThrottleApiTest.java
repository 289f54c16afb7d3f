package be.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Finding 2 of the secrecy review: wrong passwords locked any account, the administrator's
 * included, until an admin unlocked it; guessing across accounts was not slowed. Client addresses
 * come through X-Forwarded-For (the test client is a trusted local proxy).
 */
@ParcoursSpringTest
class LoginThrottleApiTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  LoginThrottle throttle;
  @Autowired
  IdentityService identityService;

  @AfterEach
  void forget() {
    throttle.clear();
  }

  private ResponseEntity<String> basic(String user, String password, String ip) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    headers.set("X-Forwarded-For", ip);
    return rest.exchange(rest.getRootUri() + "/engine-rest/task/count", HttpMethod.GET, new HttpEntity<>(headers),
        String.class);
  }

  @Test
  void an_anonymous_caller_cannot_lock_the_administrator_out_of_their_own_workstation() {
    assertThat(Api.as(rest, "demo-admin").get("/engine-rest/user/count").getStatusCode()).isEqualTo(HttpStatus.OK);
    for (int i = 0; i < 10; i++) {
      assertThat(basic("demo-admin", "guess-" + i, "198.51.100.10").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    var throttled = basic("demo-admin", "demo", "198.51.100.11");
    assertThat(throttled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(Long.parseLong(throttled.getHeaders().getFirst("Retry-After"))).isBetween(1L, 901L);
    assertThat(throttled.getBody()).contains("Trop de tentatives");

    // Camunda did not lock the account; from the address where the admin works, still in
    assertThat(identityService.checkPassword("demo-admin", "demo")).isTrue();
    var own = Api.as(rest, "demo-admin").get("/engine-rest/user/count");
    assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void guessing_across_accounts_from_one_address_is_throttled_with_429() {
    for (int i = 0; i < 30; i++) {
      basic("nobody-" + i, "x", "198.51.100.20");
    }
    var r = basic("demo-caseworker", "demo", "198.51.100.20");
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(r.getHeaders().getFirst("Retry-After")).isNotBlank();
    assertThat(basic("demo-caseworker", "demo", "198.51.100.21").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void the_camunda_webapp_login_is_throttled_too() {
    for (int i = 0; i < 10; i++) {
      assertThat(webappLogin("demo-supervisor", "wrong-" + i, "198.51.100.30").getStatusCode())
          .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    }
    assertThat(webappLogin("demo-supervisor", "demo", "198.51.100.31").getStatusCode())
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(identityService.checkPassword("demo-supervisor", "demo")).isTrue();
  }

  private ResponseEntity<String> webappLogin(String user, String password, String ip) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-Forwarded-For", ip);
    var form = new LinkedMultiValueMap<String, String>();
    form.add("username", user);
    form.add("password", password);
    return rest.exchange(rest.getRootUri() + "/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
  }
}
