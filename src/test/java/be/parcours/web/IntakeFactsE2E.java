package be.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Chromium;
import be.parcours.testsupport.ParcoursSpringTest;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The intake facts in Debian's Chromium: reception opens a dossier with identity only and does not
 * see the facts; the caseworker enters those of an EU citizen's spouse, a refused income and date
 * come back in French next to their fields with everything typed kept, then the verdict shows the
 * legal basis art. 40bis. Screenshots {@code target/e2e/intake-facts-*.png}. Run with
 * {@code ./mvnw verify -Pe2e -Dit.test=IntakeFactsE2E}.
 */
@ParcoursSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeFactsE2E {


  @LocalServerPort
  int port;

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
  void reception_opens_with_identity_only_and_the_caseworker_enters_an_eu_citizens_family_facts() throws IOException {
    // reception: identity and contact only
    login("demo-reception");
    driver.get(url("/dossiers/new"));
    new Select(driver.findElement(By.id("procedure"))).selectByValue("family-reunification");
    new Select(driver.findElement(By.id("referent"))).selectByValue("demo-caseworker");
    String last = "Kowalska-" + UUID.randomUUID().toString().substring(0, 4);
    chromium.type(By.id("firstName"), "Anna");
    chromium.type(By.id("lastName"), last);
    chromium.type(By.id("birthDate"), "14/02/1992");
    chromium.type(By.id("nationality"), "MA");
    chromium.click(By.cssSelector("form.card button[type=submit]"));
    wait.until(ExpectedConditions.urlMatches(".*/dossiers/\\d+$"));
    long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/dossiers/", ""));
    assertThat(body()).contains("Vue accueil", "Anna " + last).doesNotContain("Faits de la demande", "Éligibilité");
    shot("01-reception-identity-only");
    logout();

    // the caseworker: the facts are not known yet, the form is open
    login("demo-caseworker");
    driver.get(url("/dossiers/" + id));
    WebElement facts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("facts")));
    assertThat(facts.getText()).contains("Faits de la demande", "Pas encore saisis", "Le regroupant est",
        "Revenu mensuel net (€)", "Lien avec le regroupant");
    assertThat(driver.findElement(By.id("verdict")).getText()).contains("Pas encore évaluée");

    // an EU citizen (a worker in Belgium) and his spouse abroad; a mistyped income and birth date first
    new Select(driver.findElement(By.id("sponsorKind"))).selectByValue("EU_CITIZEN");
    assertThat(driver.findElement(By.id("eu-basis")).isDisplayed()).isTrue();
    new Select(driver.findElement(By.id("euResidenceBasis"))).selectByValue("WORKER");
    new Select(driver.findElement(By.id("residence"))).selectByValue("LIMITED");
    chromium.type(By.id("statusGrantedOn"), "03/09/2024");
    chromium.type(By.id("monthlyNetIncome"), "-1 850,00");
    chromium.check(driver.findElement(By.id("income-EMPLOYMENT")));
    new Select(driver.findElement(By.id("adequateHousing"))).selectByValue("true");
    new Select(driver.findElement(By.id("healthInsurance"))).selectByValue("true");
    chromium.type(By.id("householdSize"), "2");
    new Select(driver.findElement(By.id("relationship"))).selectByValue("SPOUSE");
    chromium.type(By.id("applicantBirthDate"), "30/02/1993");
    chromium.type(By.id("relationshipStartedOn"), "20/07/2019");
    new Select(driver.findElement(By.id("location"))).selectByValue("ABROAD");
    chromium.scrollTo(By.id("facts"));
    shot("02-caseworker-enters-facts");
    chromium.click(By.cssSelector("form.facts-form button[type=submit]"));

    WebElement income = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//input[@id='monthlyNetIncome']/ancestor::div[contains(@class,'field')][1]")));
    assertThat(income.getText()).contains("Le revenu ne peut pas être négatif.");
    assertThat(income.getDomAttribute("class")).contains("invalid");
    assertThat(driver.findElement(By.xpath("//input[@id='applicantBirthDate']/ancestor::div[contains(@class,'field')][1]"))
        .getText()).contains("Cette date n’existe pas.");
    assertThat(driver.findElement(By.id("monthlyNetIncome")).getDomProperty("value")).isEqualTo("-1 850,00");
    assertThat(driver.findElement(By.id("relationshipStartedOn")).getDomProperty("value")).isEqualTo("20/07/2019");
    assertThat(new Select(driver.findElement(By.id("euResidenceBasis"))).getFirstSelectedOption().getDomAttribute("value"))
        .isEqualTo("WORKER");
    assertThat(driver.findElement(By.id("income-EMPLOYMENT")).isSelected()).isTrue();
    assertThat(body()).contains("Certaines valeurs ne conviennent pas");
    chromium.scrollTo(By.id("facts"));
    shot("03-refused-values-kept");

    // corrected: saved, the verdict evaluated again under art. 40bis
    chromium.replace(By.id("monthlyNetIncome"), "1 850,00");
    chromium.replace(By.id("applicantBirthDate"), "28/02/1993");
    chromium.click(By.cssSelector("form.facts-form button[type=submit]"));
    wait.until(ExpectedConditions.urlContains("/dossiers/" + id));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Faits enregistrés"));
    WebElement verdict = driver.findElement(By.id("verdict"));
    assertThat(verdict.getText()).contains("Base légale retenue : art. 40bis loi du 15.12.1980")
        .doesNotContain("Pas encore évaluée");
    assertThat(driver.findElement(By.id("facts")).getText()).contains("Citoyen de l’Union européenne",
        "travailleur salarié", "séjour limité", "obtenu le 03/09/2024", "emploi salarié", "conjoint(e)",
        "né(e) le 28/02/1993", "à l’étranger", "Corriger les faits").containsPattern("1[\\s\\u00A0\\u202F]850,00[\\s\\u00A0\\u202F]€");
    // the history: one line per fact, labelled, as typed (not the stored JSON)
    assertThat(driver.findElement(By.id("history")).getText()).contains("Camille Dupont", "Regroupant",
        "Citoyen de l’Union européenne", "Revenu mensuel net", "Date de naissance du demandeur", "28/02/1993")
        .doesNotContain("{\"sponsor\"", "EU_CITIZEN");
    chromium.scrollTo(By.id("facts"));
    shot("04-facts-saved");
    chromium.scrollTo(By.id("verdict"));
    shot("05-verdict-art-40bis");
    logout();
  }

  // ---- helpers (as WorkplaceDayE2E) -------------------------------------------------------------

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  void login(String user) {
    chromium.login(url(""), user);
  }

  void logout() {
    chromium.logout();
  }

  String body() {
    return driver.findElement(By.tagName("body")).getText();
  }

  void shot(String name) {
    chromium.shot("intake-facts-" + name);
  }
}
