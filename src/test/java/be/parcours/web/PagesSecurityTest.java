package be.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.ParcoursSpringTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Login page, one login with Tasklist/Cockpit both ways, CSRF on page forms, languages. */
@ParcoursSpringTest
class PagesSecurityTest {

  @LocalServerPort
  int port;

  @Test
  void an_anonymous_visitor_is_sent_to_the_french_login_page() {
    var browser = new PageClient(port);

    var home = browser.get("/");
    var dossiers = browser.get("/dossiers/new");
    var login = browser.get("/login");

    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(PageClient.location(home)).endsWith("/login");
    assertThat(PageClient.location(dossiers)).endsWith("/login");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("<html lang=\"fr\"", "Se connecter", "Mot de passe", "name=\"_csrf\"");
  }

  @Test
  void the_login_form_without_its_csrf_token_is_refused() {
    var browser = new PageClient(port);
    browser.get("/login");

    var response = browser.post("/login", Map.of("username", "demo-caseworker", "password", "demo"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(PageClient.location(browser.get("/"))).endsWith("/login");
  }

  @Test
  void a_wrong_password_stays_on_the_login_page_with_a_message() {
    var browser = new PageClient(port);

    var response = browser.login("demo-reception", "wrong");

    assertThat(PageClient.location(response)).endsWith("/login?error");
    assertThat(browser.get("/login?error").body()).contains("Identifiant ou mot de passe incorrect.");
  }

  @Test
  void a_login_on_the_page_logs_into_tasklist_and_cockpit_and_logout_ends_both() {
    var browser = new PageClient(port);

    var login = browser.login("demo-supervisor", "demo");
    var home = browser.get("/");
    var camundaUser = browser.get("/camunda/api/admin/auth/user/default");

    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(PageClient.location(login)).endsWith("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Sophie Lambert", "Mes tâches ouvertes", "Tasklist", "Cockpit", "Rapport d’activité");
    assertThat(camundaUser.statusCode()).isEqualTo(200);
    assertThat(camundaUser.body()).contains("\"userId\":\"demo-supervisor\"", "cockpit", "tasklist");

    var logout = browser.submit("/", "/logout", Map.of());

    assertThat(PageClient.location(logout)).endsWith("/login?logout");
    assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(404);
    assertThat(PageClient.location(browser.get("/"))).endsWith("/login");
  }

  @Test
  void a_login_in_tasklist_is_a_login_on_the_pages_and_its_logout_too() {
    var browser = new PageClient(port);
    browser.get("/camunda/app/tasklist/");
    String xsrf = browser.cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    var loginRequest = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(browser.base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=demo-caseworker&password=demo")).build();
    var tasklistLogin = send(browser, loginRequest);
    assertThat(tasklistLogin.statusCode()).as(tasklistLogin.body()).isEqualTo(200);

    var home = browser.get("/");

    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Camille Dupont").doesNotContain(">Cockpit<");

    browser.get("/camunda/app/tasklist/default/"); // Tasklist's page gives its new session's XSRF token
    String xsrfNow = browser.cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    var logoutRequest = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(browser.base + "/camunda/api/admin/auth/user/default/logout"))
        .header("X-XSRF-TOKEN", xsrfNow).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
    assertThat(send(browser, logoutRequest).statusCode()).isEqualTo(200);
    assertThat(PageClient.location(browser.get("/"))).endsWith("/login");
  }

  @Test
  void a_page_form_without_csrf_token_is_refused_even_when_logged_in() {
    var browser = new PageClient(port);
    browser.login("demo-caseworker", "demo");

    var response = browser.post("/logout", Map.of());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(browser.get("/").statusCode()).isEqualTo(200);
  }

  @Test
  void the_pages_speak_dutch_or_english_by_the_browser_or_the_chooser() {
    var dutch = new PageClient(port);
    dutch.acceptLanguage = "nl-BE,nl;q=0.9,fr;q=0.5";
    var german = new PageClient(port);
    german.acceptLanguage = "de-DE";
    var chooser = new PageClient(port);

    assertThat(dutch.get("/login").body()).contains("<html lang=\"nl\"", "Wachtwoord");
    assertThat(german.get("/login").body()).contains("<html lang=\"fr\"", "Mot de passe");
    assertThat(chooser.get("/login?lang=en").body()).contains("<html lang=\"en\"", "Password");
    assertThat(chooser.get("/login").body()).contains("Password"); // the choice is kept
  }

  private static java.net.http.HttpResponse<String> send(PageClient browser, java.net.http.HttpRequest request) {
    try {
      return browser.http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
