package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.shared.TimeConfig;
import be.parcours.testsupport.Api;
import be.parcours.testsupport.Chromium;
import be.parcours.testsupport.ParcoursSpringTest;
import be.parcours.testsupport.TestClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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
 * The workbench in a real browser, as its users, on the one shared test application: demo-legal
 * indexes the RMMMG from the page (a new amount from the 1st of a coming month, typed with a
 * decimal comma), sees the thresholds it gives, proposes, sees the scenarios replayed and the
 * impact on an open dossier; she cannot approve her own proposal; demo-legal-2 approves it for
 * that day; the workbench shows it scheduled, the engine holds it for 00:00 Brussels that day and
 * judges the dossier by it from then; the diff shows the rows. The application's clock is moved:
 * the test runs on the eve of that day (so the approval is "for tomorrow"), then at 00:00:05
 * Brussels the next day the activation poll activates the version and the dossier page shows the
 * verdict of the new rules (another outcome, the new threshold in the sentence, a history line).
 * The clock is put back and the earlier version reactivated at the end (the application is shared
 * with the other tests). A caseworker has no link to the page and gets 403. Screenshots in target/e2e/.
 */
@ParcoursSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesWorkbenchBrowserE2E {

  static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String BASE = "family-reunification/base-amounts.drl.csv";

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  EligibilityService eligibility;
  @Autowired
  RulesWorkbench workbench;
  @Autowired
  Clock clock;
  @Autowired
  TestClock testClock;

  Chromium chromium;
  WebDriver driver;

  /** A family of a third-country national whose status dates from after the reform: FR-2025, 110 % of the RMMMG. */
  static final String FACTS = """
      "sponsor":{"kind":"THIRD_COUNTRY_NATIONAL","residence":"UNLIMITED","statusGrantedOn":"2025-10-01",
                 "monthlyNetIncome":2600.00,"incomeKinds":["EMPLOYMENT"],"adequateHousing":true,
                 "healthInsurance":true,"householdSize":2},
      "applicant":{"relationship":"SPOUSE","birthDate":"1990-04-02","relationshipBeforeSponsorArrival":true,
                   "location":"ABROAD"}""";

  @BeforeAll
  void startChromium() {
    chromium = Chromium.start("fr-BE", 1400, 2000);
    driver = chromium.driver();
  }

  @AfterAll
  void stopChromium() {
    if (chromium != null) {
      chromium.close();
    }
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

  void shot(String name) {
    chromium.shot(name.replaceFirst("\\.png$", ""));
  }

  /** Text with its no-break spaces as plain spaces (the Belgian amounts: 2 456,99 €). */
  static String plain(String s) {
    return s.replace('\u00A0', ' ').replace('\u202F', ' ');
  }

  static String money(BigDecimal amount) {
    String digits = amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    String whole = digits.substring(0, digits.indexOf('.'));
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        grouped.append(' ');
      }
      grouped.append(whole.charAt(i));
    }
    return grouped + "," + digits.substring(digits.indexOf('.') + 1) + " €";
  }

  String outcomeOn(LocalDate day) throws IOException {
    var response = Api.as(rest, "demo-caseworker").post("/api/eligibility/family-reunification",
        "{\"referenceDate\":\"" + day + "\"," + FACTS + "}");
    var body = mapper.readTree(response.getBody());
    return body.get("outcome").asText() + " " + body.get("rulesVersion").asText();
  }

  /**
   * The 1st of a coming month after every RMMMG row of the active table (whatever other tests did)
   * and after every scenario's date: a confirmed amount earlier would rightly fail the scenarios
   * that expect a review on the 2026 amounts « à confirmer » (BaseAmountProposalTest).
   */
  LocalDate indexationDay() {
    LocalDate day = LocalDate.now(clock.withZone(TimeConfig.BRUSSELS)).withDayOfMonth(1).plusMonths(1);
    for (var r : RuleCsv.parse(workbench.activeFile("scenarios/family-reunification.csv"), ';')) {
      String cell = r.cell(1).strip();
      if (!r.comment() && cell.matches("\\d{4}-\\d{2}-\\d{2}") && !LocalDate.parse(cell).isBefore(day)) {
        day = LocalDate.parse(cell).withDayOfMonth(1).plusMonths(1);
      }
    }
    var table = ParameterTables.read(BASE, workbench.activeFile(BASE));
    for (var r : table.rows()) {
      if (r.get("Code").equals("RMMMG") && !LocalDate.parse(r.get("Valable du")).isBefore(day)) {
        day = LocalDate.parse(r.get("Valable du")).withDayOfMonth(1).plusMonths(1);
      }
    }
    return day;
  }

  /** The RMMMG row in force on a day, in the active table. */
  ParameterTables.ParamRow rmmmgOn(LocalDate day) {
    var table = ParameterTables.read(BASE, workbench.activeFile(BASE));
    return table.rows().stream().filter(r -> r.get("Code").equals("RMMMG"))
        .filter(r -> !LocalDate.parse(r.get("Valable du")).isAfter(day))
        .filter(r -> r.get("Valable jusqu'au").isEmpty() || !LocalDate.parse(r.get("Valable jusqu'au")).isBefore(day))
        .findFirst().orElseThrow();
  }

  @Test
  void a_jurist_indexes_the_rmmmg_another_approves_it_for_tomorrow_and_the_next_day_the_dossier_has_the_new_verdict()
      throws Exception {
    String before = eligibility.activeVersion();
    LocalDate day = indexationDay();
    // the eve of the indexation day, at noon in Brussels: the jurists approve the new amount "for tomorrow"
    testClock.moveTo(day.minusDays(1).atTime(12, 0).atZone(TimeConfig.BRUSSELS).toInstant());
    try {
      indexedThenActivatedTheNextDay(before, day);
    } finally {
      Long proposalId = proposal;
      testClock.reset();
      if (proposalId != null && "SCHEDULED".equals(workbench.proposal(proposalId).status())) {
        // the application is shared with the other tests: a scheduled activation is cancelled
        workbench.reject(proposalId, "demo-legal-2", "fin du test du navigateur");
      } else if (proposalId != null && !before.equals(eligibility.activeVersion())) {
        // activated on its day: the earlier version comes back, four eyes as any rollback
        var back = workbench.reactivate("demo-legal", before);
        workbench.approve(back.id(), "demo-legal-2", null);
      }
    }
    assertThat(workbench.proposal(proposal).status()).isEqualTo("APPROVED");
    assertThat(eligibility.activeVersion()).isEqualTo(before);
  }

  /** The proposal of the running test (cleaned up in its finally). */
  Long proposal;

  /** The browser part: from the jurist's table to the dossier judged again the next day. */
  void indexedThenActivatedTheNextDay(String before, LocalDate day) throws Exception {
    var inForce = rmmmgOn(day);
    BigDecimal oldAmount = new BigDecimal(inForce.get("Valeur"));
    BigDecimal newAmount = oldAmount.multiply(new BigDecimal("1.02")).setScale(2, RoundingMode.HALF_UP);
    String typed = money(newAmount).replace(" €", ""); // "2 233,63": a space and a decimal comma, as a jurist types it
    BigDecimal oldThreshold = oldAmount.multiply(new BigDecimal("1.10")).setScale(2, RoundingMode.HALF_UP);
    BigDecimal newThreshold = newAmount.multiply(new BigDecimal("1.10")).setScale(2, RoundingMode.HALF_UP);
    // an open dossier judged on that day: the amount in force is still "à confirmer", so legal review
    assertThat(inForce.get("À confirmer")).isEqualTo("oui");
    var opened = Api.as(rest, "demo-caseworker").post("/api/dossiers", "{\"procedure\":\"family-reunification\","
        + "\"referenceDate\":\"" + day.minusDays(1) + "\",\"beneficiary\":{\"firstName\":\"Nora\",\"lastName\":\"Indexation\"},"
        + FACTS + "}");
    assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
    long dossierId = mapper.readTree(opened.getBody()).get("id").asLong();
    // the filing date corrected to that day: the verdict is evaluated and stored at once (the procedure's
    // own rules step comes later in its process)
    var corrected = Api.as(rest, "demo-caseworker").exchange(org.springframework.http.HttpMethod.PATCH,
        "/api/dossiers/" + dossierId, "{\"referenceDate\":\"" + day + "\"}", new org.springframework.http.HttpHeaders());
    assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);
    assertThat(outcomeOn(day)).isEqualTo("NEEDS_REVIEW " + before);

    // demo-legal opens the tables of family reunification from the workbench
    login("demo-legal");
    driver.get(url("/rules"));
    assertThat(driver.findElement(By.id("active-version")).getText()).contains(before);
    shot("workbench-overview.png");
    driver.findElement(By.cssSelector("#parameters-family-reunification a.btn")).click();
    assertThat(driver.findElement(By.cssSelector("#parameter-table thead")).getText()).containsIgnoringCase("Montant de base");
    assertThat(driver.findElement(By.cssSelector("#parameter-table tr[data-code='INCOME_THRESHOLD_PERCENT'][data-regime='FR-2025']"))
        .getText()).contains("RMMMG");
    assertThat(driver.findElement(By.cssSelector(".flash.info")).getText()).contains("ne se tapent pas")
        .doesNotContain("2 323,08");

    // she indexes the RMMMG from the 1st of that month, the amount checked (not "à confirmer"), with its source
    new Select(driver.findElement(By.id("ix_code"))).selectByValue("RMMMG");
    driver.findElement(By.id("ix_from")).sendKeys(day.format(DMY));
    driver.findElement(By.id("ix_amount")).sendKeys(typed);
    driver.findElement(By.id("ix_source")).sendKeys("Moniteur belge (CCT n° 43, indexation)");
    WebElement confirm = driver.findElement(By.id("ix_confirm"));
    assertThat(confirm.isSelected()).isTrue(); // checked by default: a new amount is to be confirmed until checked
    confirm.click();
    driver.findElement(By.id("preview")).click();

    // the thresholds it gives, computed as the rules compute them, before she proposes
    WebElement fr2025 = new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#thresholds tr[data-day='" + day + "'][data-code='INCOME_THRESHOLD_PERCENT'][data-regime='FR-2025']")));
    shot("workbench-index-rmmmg-preview.png");
    assertThat(driver.findElements(By.cssSelector(".flash.error"))).isEmpty();
    assertThat(fr2025.getDomAttribute("class")).contains("changed");
    assertThat(plain(fr2025.findElement(By.cssSelector("td.now")).getText())).contains(money(oldThreshold));
    assertThat(plain(fr2025.findElement(By.cssSelector("td.then")).getText())).contains(money(newThreshold));
    assertThat(plain(fr2025.getText())).contains("110 % × RMMMG " + money(newAmount));
    assertThat(driver.findElement(By.id("ix_amount")).getDomProperty("value")).isEqualTo(typed); // kept
    shot("workbench-index-rmmmg-preview.png");
    driver.findElement(By.id("note")).sendKeys("Indexation du RMMMG au " + day.format(DMY));
    driver.findElement(By.id("propose")).click();

    // the proposal: compiled, every scenario replayed, the impact on the open dossier with its link
    new WebDriverWait(driver, Duration.ofSeconds(120)).until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
    shot("workbench-proposal-author.png");
    assertThat(driver.findElements(By.id("invalid"))).as(driver.findElement(By.id("checks")).getText()).isEmpty();
    assertThat(driver.findElement(By.id("valid")).getText()).contains("Valide").contains("scénarios rejoués sans échec");
    WebElement impact = driver.findElement(By.cssSelector("#impact tr[data-dossier='" + dossierId + "']"));
    assertThat(impact.getText()).contains("Examen juridique").contains("Recevable").contains(day.format(DMY));
    assertThat(impact.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("/dossiers/" + dossierId);
    assertThat(plain(driver.findElement(By.cssSelector(
        "#thresholds tr[data-day='" + day + "'][data-code='INCOME_THRESHOLD_PERCENT'][data-regime='FR-2025'] td.then"))
        .getText())).contains(money(newThreshold));
    assertThat(driver.findElements(By.cssSelector(".diff tr.ADDED"))).extracting(WebElement::getText)
        .anySatisfy(t -> assertThat(t).contains("RMMMG", day.format(DMY), typed.replace(" ", "")));
    // the author cannot approve: no approval form, a message saying why
    assertThat(driver.findElement(By.id("self-approval")).getText()).contains("un autre juriste");
    assertThat(driver.findElements(By.id("approve-form"))).isEmpty();
    shot("workbench-proposal-author.png");
    String proposalUrl = driver.getCurrentUrl();
    long proposalId = Long.parseLong(proposalUrl.substring(proposalUrl.lastIndexOf('/') + 1));
    proposal = proposalId;
    assertThat(Api.as(rest, "demo-legal").post("/api/rules/proposals/" + proposalId + "/approve", "{}")
        .getStatusCode().value()).isEqualTo(403);

    // demo-legal-2 approves it for the day of the indexation
    login("demo-legal-2");
    driver.get(proposalUrl);
    driver.findElement(By.id("activateOn")).sendKeys(day.format(DMY));
    driver.findElement(By.id("approve")).click();
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "SCHEDULED".equals(
        d.findElement(By.id("status")).getDomAttribute("data-status")));
    assertThat(driver.findElement(By.cssSelector(".flash.success")).getText()).contains(day.format(DMY), "00:00");
    String version = driver.findElement(By.id("version")).getText();
    shot("workbench-approved-for-the-1st.png");
    driver.get(url("/rules"));
    assertThat(driver.findElement(By.id("scheduled")).getText()).contains(version).contains(day.format(DMY));
    shot("workbench-scheduled.png");

    // today (the eve) the old amount still decides; the engine holds the new set for 00:00 Brussels tomorrow, on every node
    assertThat(day).isEqualTo(LocalDate.now(clock.withZone(TimeConfig.BRUSSELS)).plusDays(1));
    assertThat(outcomeOn(day)).isEqualTo("NEEDS_REVIEW " + before);
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> eligibility.engine().timeline().upcoming().stream()
        .anyMatch(s -> s.ruleSet().version().equals(version)));
    var scheduled = eligibility.engine().timeline().upcoming().stream()
        .filter(s -> s.ruleSet().version().equals(version)).findFirst().orElseThrow();
    assertThat(scheduled.at()).isEqualTo(day.atStartOfDay(TimeConfig.BRUSSELS).toInstant());
    var facts = mapper.readValue("{" + FACTS + "}", FamilyReunificationFacts.class);
    assertThat(RuleEngine.familyReunification(scheduled.ruleSet(), facts, day, Locale.FRENCH).outcome())
        .isEqualTo("ELIGIBLE");

    // the diff between the two versions shows the rows
    driver.findElement(By.cssSelector("#history a[href*='/rules/diff'][href*='" + version.replace("#", "%23") + "']"))
        .click();
    WebElement removed = driver.findElement(By.cssSelector(".diff tr.REMOVED"));
    var added = driver.findElements(By.cssSelector(".diff tr.ADDED"));
    assertThat(removed.getText()).contains("RMMMG", show(inForce.get("Valeur")));
    assertThat(added).extracting(WebElement::getText).anySatisfy(t -> assertThat(t).contains("RMMMG",
        show(inForce.get("Valeur")), day.minusDays(1).format(DMY)));
    assertThat(added).extracting(WebElement::getText).anySatisfy(t -> assertThat(t).contains("RMMMG",
        typed.replace(" ", ""), day.format(DMY), "Moniteur belge"));
    assertThat(added.get(0).findElement(By.tagName("td")).getCssValue("background-color"))
        .isEqualTo("rgba(226, 243, 232, 1)");
    shot("workbench-diff.png");

    // the caseworker's dossier page on the eve: the amount still in force, legal review
    login("demo-caseworker");
    driver.get(url("/dossiers/" + dossierId));
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
      // the procedure's rules step stores the verdict (job executor)
      d.navigate().refresh();
      return !d.findElement(By.id("verdict")).getText().contains("Pas encore évaluée");
    });
    String eve = plain(driver.findElement(By.id("verdict")).getText());
    assertThat(eve).contains("À examiner par les juristes", money(oldThreshold)).doesNotContain(money(newThreshold));
    shot("workbench-dossier-on-the-eve.png");

    // the next day, 00:00:05 in Brussels: the activation poll activates it, the dossier is judged again
    testClock.moveTo(day.atStartOfDay(TimeConfig.BRUSSELS).plusSeconds(5).toInstant());
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> "APPROVED".equals(workbench.proposal(proposalId).status())
        && version.equals(eligibility.activeVersion()));
    assertThat(outcomeOn(day)).isEqualTo("ELIGIBLE " + version);
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
      d.navigate().refresh();
      return plain(d.findElement(By.id("verdict")).getText()).contains(money(newThreshold));
    });
    String next = plain(driver.findElement(By.id("verdict")).getText());
    assertThat(next).contains("Éligible", "Revenus du regroupant", money(newThreshold))
        .doesNotContain(money(oldThreshold), "À examiner par les juristes");
    assertThat(driver.findElement(By.id("history")).getText()).contains("Éligibilité (règles en vigueur)", "system",
        "À examiner par les juristes", "Éligible").doesNotContain("NEEDS_REVIEW");
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'start'});",
        driver.findElement(By.id("verdict")));
    shot("workbench-dossier-the-next-day.png");
  }

  static String show(String cell) {
    return RulesPageController.show(cell);
  }

  @Test
  void a_caseworker_has_no_link_to_the_rules_and_is_refused() throws IOException {
    login("demo-caseworker");
    driver.get(url("/"));
    assertThat(driver.findElements(By.cssSelector("a[href='/rules']"))).isEmpty();
    driver.get(url("/rules"));
    assertThat(driver.findElement(By.tagName("body")).getText()).containsAnyOf("Accès refusé", "403", "pas accès");
    assertThat(driver.findElements(By.id("active-version"))).isEmpty();
    shot("workbench-caseworker-403.png"); // the status itself: RulesPagesAccessTest
  }
}
