package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.shared.TimeConfig;
import be.parcours.testsupport.Api;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The workbench in a real browser: demo-legal changes a base amount with a decimal comma in the
 * page, sees the impact on an open dossier and proposes; demo-legal cannot approve it;
 * demo-legal-2 approves it for tomorrow; the verdict changes the next day (the application's
 * clock moved by the test); the diff shows the row. Screenshots in target/e2e/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:parcours-workbench-e2e;DB_CLOSE_DELAY=-1",
    "parcours.demo.dossiers=false",
    "parcours.rules.poll=PT1S"})
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesWorkbenchBrowserE2E {

  static final Path SHOTS = Path.of("target", "e2e");
  static final MutableClock CLOCK = new MutableClock(TimeConfig.BRUSSELS);

  @TestConfiguration
  static class MovableClock {
    @Bean
    @Primary
    Clock movableClock() {
      return CLOCK;
    }
  }

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  EligibilityService eligibility;

  ChromeDriverService service;
  WebDriver driver;
  Path profileDir;

  static final String FACTS = """
      "sponsor":{"kind":"THIRD_COUNTRY_NATIONAL","residence":"UNLIMITED","statusGrantedOn":"2024-01-10",
                 "monthlyNetIncome":2120.00,"incomeKinds":["EMPLOYMENT"],"adequateHousing":true,
                 "healthInsurance":true,"householdSize":2},
      "applicant":{"relationship":"SPOUSE","birthDate":"1990-04-02","relationshipBeforeSponsorArrival":true,
                   "location":"ABROAD"}""";

  @BeforeAll
  void startChromium() throws IOException {
    Files.createDirectories(SHOTS);
    profileDir = Files.createTempDirectory("parcours-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profileDir, "--window-size=1400,2000", "--lang=fr-BE", "--accept-lang=fr-BE,fr");
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "fr-BE,fr"));
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  void stopChromium() {
    if (driver != null) {
      driver.quit();
    }
    if (service != null) {
      service.stop();
    }
    org.springframework.util.FileSystemUtils.deleteRecursively(profileDir.toFile());
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  void login(String user) {
    driver.manage().deleteAllCookies();
    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
  }

  void shot(String name) throws IOException {
    Files.write(SHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  String verdictOn(String day) throws IOException {
    var response = Api.as(rest, "demo-caseworker").post("/api/eligibility/family-reunification",
        "{\"referenceDate\":\"" + day + "\"," + FACTS + "}");
    return mapper.readTree(response.getBody()).get("outcome").asText() + " "
        + mapper.readTree(response.getBody()).get("rulesVersion").asText();
  }

  @Test
  void a_jurist_changes_a_base_amount_in_the_page_another_approves_it_for_tomorrow_and_the_verdict_changes_then()
      throws Exception {
    String before = eligibility.activeVersion();
    var opened = Api.as(rest, "demo-caseworker").post("/api/dossiers", "{\"procedure\":\"family-reunification\","
        + "\"referenceDate\":\"2026-03-01\",\"beneficiary\":{\"firstName\":\"Nora\",\"lastName\":\"Impact\"}," + FACTS + "}");
    long dossierId = mapper.readTree(opened.getBody()).get("id").asLong();
    assertThat(verdictOn("2026-03-01")).startsWith("NEEDS_REVIEW ").endsWith(before);

    // demo-legal edits the FR-2016 threshold in force (2 131,28) with a decimal comma
    login("demo-legal");
    driver.get(url("/rules"));
    assertThat(driver.findElement(By.id("active-version")).getText()).contains(before);
    shot("workbench-overview.png");
    driver.findElement(By.cssSelector("#parameters-family-reunification a.btn")).click();
    WebElement row = driver.findElement(By.cssSelector(
        "tr[data-code='INCOME_THRESHOLD'][data-regime='FR-2016'][data-from='2025-02-01']"));
    WebElement value = row.findElements(By.tagName("input")).get(0);
    assertThat(value.getDomProperty("value")).isEqualTo("2131,28");
    value.clear();
    value.sendKeys("2 100,50");
    driver.findElement(By.id("note")).sendKeys("Correction du seuil FR-2016 (RIS)");
    shot("workbench-edit-table.png");
    driver.findElement(By.id("propose")).click();

    new WebDriverWait(driver, Duration.ofSeconds(120)).until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
    assertThat(driver.findElement(By.id("valid")).getText()).contains("Valide");
    WebElement impact = driver.findElement(By.cssSelector("#impact tr[data-dossier='" + dossierId + "']"));
    assertThat(impact.getText()).contains("Examen juridique").contains("Recevable").contains("01/03/2026");
    assertThat(impact.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("/dossiers/" + dossierId);
    assertThat(driver.findElement(By.cssSelector(".diff tr.ADDED")).getText()).contains("2100,50");
    // the author cannot approve: no approval form, a message saying why
    assertThat(driver.findElement(By.id("self-approval")).getText()).contains("un autre juriste");
    assertThat(driver.findElements(By.id("approve-form"))).isEmpty();
    shot("workbench-proposal-author.png");
    String proposalUrl = driver.getCurrentUrl();
    long proposalId = Long.parseLong(proposalUrl.substring(proposalUrl.lastIndexOf('/') + 1));
    assertThat(Api.as(rest, "demo-legal").post("/api/rules/proposals/" + proposalId + "/approve", "{}")
        .getStatusCode().value()).isEqualTo(403);

    // demo-legal-2 approves it for tomorrow
    LocalDate tomorrow = LocalDate.now(CLOCK).plusDays(1);
    login("demo-legal-2");
    driver.get(proposalUrl);
    driver.findElement(By.id("activateOn")).sendKeys(tomorrow.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    driver.findElement(By.id("approve")).click();
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "SCHEDULED".equals(
        d.findElement(By.id("status")).getDomAttribute("data-status")));
    assertThat(driver.findElement(By.cssSelector(".flash.success")).getText())
        .contains(tomorrow.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), "00:00");
    String version = driver.findElement(By.id("version")).getText();
    shot("workbench-approved-for-tomorrow.png");
    driver.get(url("/rules"));
    assertThat(driver.findElement(By.id("scheduled")).getText()).contains(version);

    // today the old law still decides; tomorrow the new one, on its own
    assertThat(verdictOn("2026-03-01")).startsWith("NEEDS_REVIEW ").endsWith(before);
    CLOCK.moveTo(tomorrow.atStartOfDay(TimeConfig.BRUSSELS).toInstant().plusSeconds(1));
    assertThat(verdictOn("2026-03-01")).isEqualTo("ELIGIBLE " + version);
    Thread.sleep(2500); // the next poll records the activation in the database
    driver.get(url("/rules"));
    assertThat(driver.findElement(By.id("active-version")).getText()).contains(version);
    shot("workbench-next-day.png");

    // the diff between the two versions shows the row
    driver.findElement(By.cssSelector("#history a[href*='/rules/diff']")).click();
    WebElement removed = driver.findElement(By.cssSelector(".diff tr.REMOVED"));
    WebElement added = driver.findElement(By.cssSelector(".diff tr.ADDED"));
    assertThat(removed.getText()).contains("INCOME_THRESHOLD", "FR-2016", "2131,28");
    assertThat(added.getText()).contains("INCOME_THRESHOLD", "FR-2016", "2100,50");
    assertThat(added.findElement(By.tagName("td")).getCssValue("background-color")).isEqualTo("rgba(226, 243, 232, 1)");
    shot("workbench-diff.png");
  }
}
