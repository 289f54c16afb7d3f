package be.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.ParcoursSpringTest;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * HTTP Basic logins are remembered for a minute (LoginCache) without weakening them: a changed
 * password, a removed group, a lock or a deleted user take effect on the next request, and a wrong
 * password is never answered from the memory.
 */
@ParcoursSpringTest
class LoginCacheTest {

  static final String USER = "login-cache-user";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;
  @Autowired
  LoginCache cache;
  @Autowired
  LoginThrottle throttle;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void user() {
    User u = identityService.newUser(USER);
    u.setFirstName("Cache");
    u.setLastName("Test");
    u.setPassword("first-secret-1");
    identityService.saveUser(u);
    identityService.createMembership(USER, Groups.CASEWORKERS);
  }

  @AfterEach
  void remove() {
    if (identityService.createUserQuery().userId(USER).count() > 0) {
      identityService.deleteUser(USER);
    }
    throttle.clear();
  }

  private HttpStatus get(String path, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(USER, password);
    return HttpStatus.valueOf(rest.exchange(rest.getRootUri() + path, HttpMethod.GET, new HttpEntity<>(headers),
        String.class).getStatusCode().value());
  }

  @Test
  void a_successful_login_is_remembered_and_a_wrong_password_never_is() {
    assertThat(get("/api/dossiers", "first-secret-1")).isEqualTo(HttpStatus.OK);
    assertThat(cache.remembers(USER, "first-secret-1")).isTrue();
    int size = cache.size();
    assertThat(get("/api/dossiers", "first-secret-1")).isEqualTo(HttpStatus.OK);
    assertThat(cache.size()).isEqualTo(size);

    for (String wrong : new String[] {"first-secret-2", "first-secret-1 ", "", "FIRST-SECRET-1"}) {
      assertThat(get("/api/dossiers", wrong)).as(wrong).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(cache.size()).as("failures are not remembered").isEqualTo(size);
    assertThat(cache.remembers(USER, "first-secret-2")).isFalse();
    // the remembered one still works
    assertThat(get("/api/dossiers", "first-secret-1")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void a_changed_password_is_refused_at_once() {
    assertThat(get("/api/dossiers", "first-secret-1")).isEqualTo(HttpStatus.OK);
    User u = identityService.createUserQuery().userId(USER).singleResult();
    u.setPassword("second-secret-2");
    identityService.saveUser(u);
    assertThat(get("/api/dossiers", "first-secret-1")).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("/api/dossiers", "second-secret-2")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void the_same_password_set_again_still_needs_a_new_check_and_passes_it() {
    assertThat(get("/api/dossiers", "first-secret-1")).isEqualTo(HttpStatus.OK);
    String hash = jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, USER);
    User u = identityService.createUserQuery().userId(USER).singleResult();
    u.setPassword("first-secret-1");
    identityService.saveUser(u);
    assertThat(jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, USER))
        .as("a new salt").isNotEqualTo(hash);
    assertThat(get("/api/dossiers", "first-secret-1")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void groups_are_the_current_ones() {
    assertThat(get("/api/dossiers", "first-secret-1")).isEqualTo(HttpStatus.OK);
    identityService.deleteMembership(USER, Groups.CASEWORKERS);
    assertThat(get("/api/dossiers", "first-secret-1")).isEqualTo(HttpStatus.FORBIDDEN);
    identityService.createMembership(USER, Groups.CASEWORKERS);
    assertThat(get("/api/dossiers", "first-secret-1")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void a_locked_or_deleted_user_is_refused_at_once() {
    assertThat(get("/api/dossiers", "first-secret-1")).isEqualTo(HttpStatus.OK);
    jdbc.update("update ACT_ID_USER set LOCK_EXP_TIME_ = ? where ID_ = ?",
        Timestamp.from(Instant.now().plusSeconds(600)), USER);
    assertThat(get("/api/dossiers", "first-secret-1")).isEqualTo(HttpStatus.UNAUTHORIZED);
    identityService.unlockUser(USER);
    assertThat(get("/api/dossiers", "first-secret-1")).isEqualTo(HttpStatus.OK);
    identityService.deleteUser(USER);
    assertThat(get("/api/dossiers", "first-secret-1")).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void the_throttle_still_applies_to_a_remembered_login() {
    assertThat(get("/api/dossiers", "first-secret-1")).isEqualTo(HttpStatus.OK);
    for (int i = 0; i < 40; i++) {
      HttpHeaders headers = new HttpHeaders();
      headers.setBasicAuth(USER, "guess-" + i);
      headers.set("X-Forwarded-For", "198.51.100.77");
      rest.exchange(rest.getRootUri() + "/api/dossiers", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(USER, "first-secret-1");
    headers.set("X-Forwarded-For", "198.51.100.77");
    assertThat(rest.exchange(rest.getRootUri() + "/api/dossiers", HttpMethod.GET, new HttpEntity<>(headers),
        String.class).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
  }
}
