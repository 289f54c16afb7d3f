package be.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.Chromium;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The two procedures besides family reunification, in Debian's Chromium, as their users do them:
 * reception opens a long-stay visa (the visa's own fields appear when « Visa » is chosen; the visa D
 * procedure starts), the caseworker finds its facts on the dossier page; the caseworker records the
 * facts of a nationality declaration and reads the verdict — each finding as the API gives it for
 * the same facts and day, in words. Screenshots {@code target/e2e/visa-nationality-*.png}. Run with
 * {@code ./mvnw verify -Pe2e -Dit.test=VisaAndNationalityE2E}.
 */
@ParcoursSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisaAndNationalityE2E {

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  Clock clock;
  @Autowired
  RuntimeService runtime;

  Chromium chromium;
  WebDriver driver;
  WebDriverWait wait;

  @BeforeAll
  void startChromium() {
    chromium = Chromium.start();
    driver = chromium.driver();
    wait = chromium.waiting(Duration.ofSeconds(40));
  }

  @AfterAll
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void reception_opens_a_long_stay_visa_and_the_caseworker_reads_its_facts() throws IOException {
    login("demo-reception");
    driver.get(url("/dossiers/new"));
    assertThat(driver.findElement(By.id("visa-fields")).isDisplayed()).isFalse();
    new Select(driver.findElement(By.id("procedure"))).selectByValue("visa");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("visa-fields")));
    new Select(driver.findElement(By.id("referent"))).selectByValue("demo-caseworker");
    String lastName = "Visa-" + UUID.randomUUID().toString().substring(0, 4);
    chromium.type(By.id("firstName"), "Karim");
    chromium.type(By.id("lastName"), lastName);
    chromium.type(By.id("birthDate"), "09/11/1993");
    chromium.type(By.id("nationality"), "MA");
    // the visa's type not chosen: refused, with why
    chromium.click(By.cssSelector("form.card button[type=submit]"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("visa-fields"),
        "Choisissez le visa : court séjour (C) ou long séjour (D)."));
    assertThat(driver.findElement(By.id("lastName")).getDomProperty("value")).isEqualTo(lastName);
    shot("1-visa-type-missing");
    chromium.click(By.id("visaType-D"));
    new Select(driver.findElement(By.id("purpose"))).selectByValue("FAMILY_REUNIFICATION");
    shot("2-visa-d-chosen");
    chromium.click(By.cssSelector("form.card button[type=submit]"));
    wait.until(ExpectedConditions.urlMatches(".*/dossiers/\\d+$"));
    long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/dossiers/", ""));
    String reference = mapper.readTree(Api.as(rest, "demo-caseworker").get("/api/dossiers/" + id).getBody())
        .get("reference").asText();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("VisaD").count()).isEqualTo(1);
    assertThat(driver.getPageSource()).doesNotContain("Faits de la demande"); // reception: no facts
    logout();

    login("demo-caseworker");
    driver.get(url("/dossiers/" + id));
    String facts = plain(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("facts"))).getText());
    assertThat(facts).contains("long séjour (visa D)", "regroupement familial", "09/11/1993", "MA")
        .doesNotContain("FAMILY_REUNIFICATION", "1993-11-09");
    chromium.scrollTo(By.id("facts"));
    shot("3-visa-d-facts");
    logout();
  }

  @Test
  void the_caseworker_records_a_nationality_declaration_and_reads_the_verdict_in_words() throws IOException {
    login("demo-caseworker");
    driver.get(url("/dossiers/new"));
    new Select(driver.findElement(By.id("procedure"))).selectByValue("nationality");
    chromium.type(By.id("firstName"), "Nadia");
    chromium.type(By.id("lastName"), "Nationalite-" + UUID.randomUUID().toString().substring(0, 4));
    chromium.type(By.id("birthDate"), "21/05/1987");
    chromium.click(By.cssSelector("form.card button[type=submit]"));
    wait.until(ExpectedConditions.urlMatches(".*/dossiers/\\d+$"));
    long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/dossiers/", ""));

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("facts")));
    assertThat(driver.findElement(By.id("birthDate")).getDomProperty("value")).isEqualTo("21/05/1987");
    new Select(driver.findElement(By.id("bornInBelgium"))).selectByValue("false");
    new Select(driver.findElement(By.id("residenceCard"))).selectByValue("K");
    chromium.type(By.id("legalStaySince"), "02/03/2019");
    new Select(driver.findElement(By.id("languageLevel"))).selectByValue("B1");
    new Select(driver.findElement(By.id("socialIntegration"))).selectByValue("INTEGRATION_COURSE");
    chromium.type(By.id("daysWorkedLast5Years"), "310");
    chromium.type(By.id("selfEmployedQuarters"), "0");
    chromium.scrollTo(By.id("facts"));
    shot("4-nationality-facts");
    chromium.click(By.cssSelector("form.facts-form button[type=submit]"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Faits enregistrés"));

    // the oracle: the API's verdict for the same facts on the same day
    LocalDate today = LocalDate.now(clock);
    var api = Api.as(rest, "demo-caseworker").post("/api/eligibility/nationality", "{\"referenceDate\":\"" + today
        + "\",\"person\":{\"birthDate\":\"1987-05-21\",\"bornInBelgium\":false,\"residenceCard\":\"K\","
        + "\"legalStaySince\":\"2019-03-02\",\"languageLevel\":\"B1\",\"socialIntegration\":\"INTEGRATION_COURSE\","
        + "\"daysWorkedLast5Years\":310,\"selfEmployedQuarters\":0}}");
    assertThat(api.getStatusCode().value()).as(api.getBody()).isEqualTo(200);
    JsonNode expected = mapper.readTree(api.getBody());
    String verdict = plain(driver.findElement(By.id("verdict")).getText());
    assertThat(verdict).contains(LawFamiliesE2E.outcomeLabel(expected.get("outcome").asText()))
        .contains("au " + Formats.DATE.format(today))
        .doesNotContain("NOT_MET", "UNKNOWN", "RESIDENCE_RIGHT", "null")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    for (JsonNode finding : expected.get("findings")) {
      assertThat(verdict).as(finding.toString()).contains(plain(finding.get("message").asText()));
    }
    String facts = plain(driver.findElement(By.id("facts")).getText());
    assertThat(facts).contains("carte K (séjour illimité)", "02/03/2019", "niveau B1", "parcours d’intégration suivi",
        "310", "Corriger les faits");
    chromium.scrollTo(By.id("verdict"));
    shot("5-nationality-verdict");
    logout();
  }

  static String plain(String s) {
    return s.replace('\u00A0', ' ').replace('\u202F', ' ');
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  void login(String user) {
    chromium.login(url(""), user);
  }

  void logout() {
    chromium.logout();
  }

  void shot(String name) {
    chromium.shot("visa-nationality-" + name);
  }
}
