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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #12's families in Debian's Chromium, each as a caseworker does it: the dossier opened, the
 * facts entered on the dossier page, the verdict read there — its legal basis, its regime as words,
 * every finding as the API gives it (sentences, labels, amounts {@code 1 811,59 €}), never a code
 * or an ISO date. The family of a self-sufficient EU citizen (art. 40bis, RIS), of a Belgian (art.
 * 40ter, FR-2016 threshold), of a subsidiary-protection holder recognised on 17/08/2025 (art. 10,
 * FR-2016 kept: status before the reform); the EU worker's spouse is {@link IntakeFactsE2E}. And
 * the English page reads {@code 2,400.50} as 2400.50 and refuses the ambiguous {@code 2.400}.
 * Screenshots {@code target/e2e/law-families-*.png}. Run with {@code ./mvnw verify -Pe2e
 * -Dit.test=LawFamiliesE2E}.
 */
@ParcoursSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LawFamiliesE2E {


  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  Clock clock;

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

  /** The facts as the caseworker enters them in the form (field id → value; selects by value). */
  record Family(String name, String sponsorKind, String euResidenceBasis, String residence, String statusGrantedOn,
      String income, String incomeKind, String birthDate, String since, String factsJson) {}

  static final Family SELF_SUFFICIENT_EU = new Family("eu-self-sufficient", "EU_CITIZEN", "SELF_SUFFICIENT", "LIMITED",
      "03/09/2024", "2 000,00", "PENSION", "12/03/1958", "20/07/1985", """
      {"sponsor":{"kind":"EU_CITIZEN","euResidenceBasis":"SELF_SUFFICIENT","residence":"LIMITED",
        "statusGrantedOn":"2024-09-03","monthlyNetIncome":2000.00,"incomeKinds":["PENSION"],"adequateHousing":true,
        "healthInsurance":true,"householdSize":2},
       "applicant":{"relationship":"SPOUSE","birthDate":"1958-03-12","relationshipStartedOn":"1985-07-20",
        "relationshipBeforeSponsorArrival":true,"location":"ABROAD"}}""");
  static final Family BELGIAN = new Family("belgian", "BELGIAN", null, null, null, "2 500,00", "EMPLOYMENT",
      "02/04/1994", "11/06/2021", """
      {"sponsor":{"kind":"BELGIAN","monthlyNetIncome":2500.00,"incomeKinds":["EMPLOYMENT"],"adequateHousing":true,
        "healthInsurance":true,"householdSize":2},
       "applicant":{"relationship":"SPOUSE","birthDate":"1994-04-02","relationshipStartedOn":"2021-06-11",
        "relationshipBeforeSponsorArrival":true,"location":"ABROAD"}}""");
  static final Family SUBSIDIARY = new Family("subsidiary-2025-08-17", "SUBSIDIARY_PROTECTION", null, "LIMITED",
      "17/08/2025", "2 500,00", "EMPLOYMENT", "05/05/1991", "14/02/2016", """
      {"sponsor":{"kind":"SUBSIDIARY_PROTECTION","residence":"LIMITED","statusGrantedOn":"2025-08-17",
        "monthlyNetIncome":2500.00,"incomeKinds":["EMPLOYMENT"],"adequateHousing":true,"healthInsurance":true,
        "householdSize":2},
       "applicant":{"relationship":"SPOUSE","birthDate":"1991-05-05","relationshipStartedOn":"2016-02-14",
        "relationshipBeforeSponsorArrival":true,"location":"ABROAD"}}""");

  @Test
  void the_family_of_a_self_sufficient_eu_citizen_is_judged_under_art_40bis_on_the_social_integration_income()
      throws IOException {
    String verdict = enterAndRead(SELF_SUFFICIENT_EU);
    assertThat(verdict).contains("Base légale retenue : art. 40bis loi du 15.12.1980",
        "régime d’avant la loi du 18 juillet 2025", "Revenus 2 000,00 € ≥ seuil", "Assurance maladie");
  }

  @Test
  void the_family_of_a_belgian_is_judged_under_art_40ter_with_the_threshold_of_2016() throws IOException {
    String verdict = enterAndRead(BELGIAN);
    assertThat(verdict).contains("Base légale retenue : art. 40ter loi du 15.12.1980",
        "régime d’avant la loi du 18 juillet 2025", "Revenus du regroupant");
  }

  @Test
  void the_family_of_a_subsidiary_protection_holder_recognised_on_17_august_2025_keeps_the_law_of_2016()
      throws IOException {
    String verdict = enterAndRead(SUBSIDIARY);
    assertThat(verdict).contains("Base légale retenue : art. 10 loi du 15.12.1980",
        "régime d’avant la loi du 18 juillet 2025", "Délai d’attente",
        // status before the reform: FR-2016 until the transition ends; the 12 months of exemption are over
        "Revenus 2 500,00 € ≥ seuil");
  }

  /**
   * Opens a dossier, enters the family's facts on its page and returns the verdict's text, after
   * checking it says what the API says for the same facts on the same day, in words.
   */
  String enterAndRead(Family f) throws IOException {
    login("demo-caseworker");
    long id = openDossier(f.name());
    driver.get(url("/dossiers/" + id));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("facts")));
    new Select(driver.findElement(By.id("sponsorKind"))).selectByValue(f.sponsorKind());
    if (f.euResidenceBasis() != null) {
      new Select(driver.findElement(By.id("euResidenceBasis"))).selectByValue(f.euResidenceBasis());
    }
    if (f.residence() != null) {
      new Select(driver.findElement(By.id("residence"))).selectByValue(f.residence());
    }
    if (f.statusGrantedOn() != null) {
      chromium.type(By.id("statusGrantedOn"), f.statusGrantedOn());
    }
    chromium.type(By.id("monthlyNetIncome"), f.income());
    chromium.check(driver.findElement(By.id("income-" + f.incomeKind())));
    new Select(driver.findElement(By.id("adequateHousing"))).selectByValue("true");
    new Select(driver.findElement(By.id("healthInsurance"))).selectByValue("true");
    chromium.type(By.id("householdSize"), "2");
    new Select(driver.findElement(By.id("relationship"))).selectByValue("SPOUSE");
    chromium.type(By.id("applicantBirthDate"), f.birthDate());
    chromium.type(By.id("relationshipStartedOn"), f.since());
    new Select(driver.findElement(By.id("relationshipBeforeSponsorArrival"))).selectByValue("true");
    new Select(driver.findElement(By.id("location"))).selectByValue("ABROAD");
    chromium.scrollTo(By.id("facts"));
    shot(f.name() + "-1-facts");
    chromium.click(By.cssSelector("form.facts-form button[type=submit]"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Faits enregistrés"));

    // the same facts through the API, on the dossier's day: the oracle of what the page must say
    LocalDate today = LocalDate.now(clock);
    String body = f.factsJson().strip();
    var api = Api.as(rest, "demo-caseworker").post("/api/eligibility/family-reunification",
        "{\"referenceDate\":\"" + today + "\"," + body.substring(1));
    assertThat(api.getStatusCode().value()).as(api.getBody()).isEqualTo(200);
    JsonNode expected = mapper.readTree(api.getBody());

    WebElement verdict = driver.findElement(By.id("verdict"));
    String text = plain(verdict.getText());
    assertThat(text).contains(outcomeLabel(expected.get("outcome").asText()))
        .contains("Base légale retenue : " + expected.get("legalBasis").asText())
        .contains("au " + Formats.DATE.format(today))
        .doesNotContain("FR-2016", "FR-2025", "SPONSOR_", "NEEDS_REVIEW", "NOT_MET", "UNKNOWN", "null")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
        .doesNotContainPattern("\\d\\.\\d{2} €"); // 2173.91 € would be a raw amount
    for (JsonNode finding : expected.get("findings")) {
      assertThat(text).as(finding.toString()).contains(plain(finding.get("message").asText()));
    }
    JsonNode income = finding(expected, "SPONSOR_INCOME");
    if (income.path("details").has("threshold")) {
      // the threshold in the Belgian format: 2 173,91 €
      String threshold = be.parcours.eligibility.LegalFormats.amount(income.path("details").get("threshold").decimalValue(),
          java.util.Locale.FRENCH);
      assertThat(text).contains(threshold);
    }
    assertThat(driver.findElement(By.id("facts")).getText()).contains("Corriger les faits");
    chromium.scrollTo(By.id("verdict"));
    shot(f.name() + "-2-verdict");
    logout();
    return text;
  }

  @Test
  void the_english_page_reads_amounts_the_english_way_and_refuses_an_ambiguous_one() throws IOException {
    login("demo-caseworker");
    long id = openDossier("english-amounts");
    try {
      driver.get(url("/dossiers/" + id + "?lang=en"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("facts")));
      new Select(driver.findElement(By.id("sponsorKind"))).selectByValue("THIRD_COUNTRY_NATIONAL");
      new Select(driver.findElement(By.id("relationship"))).selectByValue("SPOUSE");
      chromium.type(By.id("monthlyNetIncome"), "2.400");
      chromium.click(By.cssSelector("form.facts-form button[type=submit]"));
      WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//input[@id='monthlyNetIncome']/ancestor::div[contains(@class,'field')][1]")));
      assertThat(field.getText()).contains("Ambiguous amount");
      assertThat(driver.findElement(By.id("monthlyNetIncome")).getDomProperty("value")).isEqualTo("2.400");
      chromium.scrollTo(By.id("facts"));
      shot("english-1-ambiguous-refused");

      chromium.replace(By.id("monthlyNetIncome"), "2,400.50");
      chromium.click(By.cssSelector("form.facts-form button[type=submit]"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "saved"));
      assertThat(plain(driver.findElement(By.id("facts")).getText())).contains("2,400.50");
      JsonNode stored = mapper.readTree(Api.as(rest, "demo-caseworker").get("/api/dossiers/" + id).getBody());
      assertThat(stored.path("facts").path("sponsor").path("monthlyNetIncome").decimalValue())
          .isEqualByComparingTo("2400.50");
      // the form shows it again as typed in English, not 2400,50
      assertThat(driver.findElement(By.id("monthlyNetIncome")).getDomProperty("value")).isEqualTo("2400.50");
      chromium.scrollTo(By.id("facts"));
      shot("english-2-saved");
    } finally {
      driver.get(url("/?lang=fr"));
      logout();
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  long openDossier(String name) {
    driver.get(url("/dossiers/new"));
    new Select(driver.findElement(By.id("procedure"))).selectByValue("family-reunification");
    var referent = driver.findElements(By.id("referent"));
    if (!referent.isEmpty()) {
      new Select(referent.get(0)).selectByValue("demo-caseworker");
    }
    chromium.type(By.id("firstName"), "Famille");
    chromium.type(By.id("lastName"), name + "-" + UUID.randomUUID().toString().substring(0, 4));
    chromium.type(By.id("birthDate"), "14/02/1992");
    chromium.click(By.cssSelector("form.card button[type=submit]"));
    wait.until(ExpectedConditions.urlMatches(".*/dossiers/\\d+$"));
    return Long.parseLong(driver.getCurrentUrl().replaceAll(".*/dossiers/", ""));
  }

  static JsonNode finding(JsonNode verdict, String criterion) {
    for (JsonNode f : verdict.get("findings")) {
      if (f.get("criterion").asText().equals(criterion)) {
        return f;
      }
    }
    throw new AssertionError("no finding " + criterion + " in " + verdict);
  }

  static String outcomeLabel(String outcome) {
    return switch (outcome) {
      case "ELIGIBLE" -> "Éligible";
      case "NOT_ELIGIBLE" -> "Non éligible";
      default -> "À examiner par les juristes";
    };
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
    chromium.shot("law-families-" + name);
  }
}
