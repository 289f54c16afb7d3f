package be.parcours.supervision;

import be.parcours.testsupport.Chromium;
import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.dossier.DossierService;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The supervision features in a real browser: Debian's Chromium driven by its ChromeDriver
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; override with -Dchromium.binary and
 * -Dchromedriver.binary). Nothing is downloaded. Screenshots go to {@code target/e2e/}.
 * Run with {@code ./mvnw verify -Pe2e}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionBrowserE2E extends SupervisionTestBase {


  @Autowired
  DossierService dossierService;
  @Autowired
  TasklistFilters filters;

  Chromium chromium;
  WebDriver driver;
  final LocalDate today = LocalDate.now(be.parcours.shared.TimeConfig.BRUSSELS);
  SupervisionFixtures.TestDossier missed;
  SupervisionFixtures.TestDossier overdue;
  SupervisionFixtures.TestDossier soon;
  SupervisionFixtures.TestDossier within30;
  SupervisionFixtures.TestDossier farAway;

  @BeforeAll
  void seedAndStartChromium() throws IOException {
    var f = fixtures();
    // the authority's decision was due ten days ago and has not come: the deadline is MISSED, the file still waits
    missed = f.startProcess(f.dossier("family-reunification", "RF", "Silence"), 20, Instant.now().minusSeconds(86_400));
    dossierService.upsertDeadline(missed.id(), "DECISION", today.minusDays(10), "art. 12bis §2 loi du 15.12.1980");
    dossierService.closeDeadline(missed.id(), "DECISION", be.parcours.dossier.DeadlineStatus.MISSED);
    overdue = f.startProcess(f.dossier("family-reunification", "RF", "Retard"), 15, Instant.now().minusSeconds(86_400));
    soon = f.startProcess(f.dossier("visa", "VI", "Bientot"), 4, Instant.now().plusSeconds(2 * 86_400));
    within30 = f.startProcess(f.dossier("nationality", "NA", "Plustard"), 2, null);
    farAway = f.startProcess(f.dossier("family-reunification", "RF", "Loin"), 1, null);
    dossierService.upsertDeadline(overdue.id(), "APPEAL", today.minusDays(3), "art. 39/57 loi 15.12.1980");
    dossierService.upsertDeadline(soon.id(), "VISA_DECISION", today.plusDays(7), "code des visas");
    dossierService.upsertDeadline(within30.id(), "NATIONALITY_OPINION", today.plusDays(25), "art. 15 CNB");
    dossierService.upsertDeadline(farAway.id(), "DECISION", today.plusDays(120), "art. 12bis");
    var ts = engine.getTaskService();
    ts.setAssignee(ts.createTaskQuery().processInstanceId(overdue.processInstanceId()).singleResult().getId(),
        "demo-caseworker");
    // a Cockpit user outside superviseurs / camunda-admin, to see the "accès réservé" message
    var ids = engine.getIdentityService();
    if (ids.createUserQuery().userId("e2e-viewer").count() == 0) {
      var u = ids.newUser("e2e-viewer");
      u.setFirstName("Victor");
      u.setLastName("Lecteur");
      u.setPassword("demo");
      ids.saveUser(u);
      Authorization a = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setUserId("e2e-viewer");
      a.setResource(Resources.APPLICATION);
      a.setResourceId("cockpit");
      a.addPermission(Permissions.ACCESS);
      engine.getAuthorizationService().saveAuthorization(a);
    }
  }

  @BeforeEach
  void browser() {
    chromium = Chromium.start("fr-BE", 1400, 2200);
    driver = chromium.driver();
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void a_supervisor_sees_the_delays_view_in_cockpit_with_the_missed_deadline_at_the_top() throws IOException {
    login("cockpit", "demo-supervisor");
    var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    // Cockpit's navigation has an entry of its own, and the dashboard points to it
    WebElement nav = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.parcours-nav")));
    assertThat(nav.getText()).isEqualTo("Suivi des délais");
    click(nav);
    wait.until(ExpectedConditions.urlContains("#/suivi-des-delais"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#parcours-supervision table.parcours-at-risk")));
    WebElement section = driver.findElement(By.id("parcours-supervision"));
    assertThat(section.getText()).contains("Suivi des délais des procédures", "Dossiers à risque",
        "Temps passé par étape", "Charge de travail par personne");

    List<WebElement> rows = section.findElements(By.cssSelector("table.parcours-at-risk tbody tr"));
    List<String> mine = rows.stream().map(r -> r.getDomAttribute("data-reference"))
        .filter(ref -> List.of(missed.reference(), overdue.reference(), soon.reference(), within30.reference(),
            farAway.reference()).contains(ref))
        .toList();
    // the missed deadline first (most overdue), then the overdue one, the amber, the green; the far one is not at risk
    assertThat(mine).containsExactly(missed.reference(), overdue.reference(), soon.reference(), within30.reference());
    List<Integer> daysLeft = rows.stream().map(r -> Integer.parseInt(r.getDomAttribute("data-days-left"))).toList();
    assertThat(daysLeft).isSorted();
    WebElement top = row(rows, missed.reference());
    assertThat(top.getDomAttribute("data-deadline-status")).isEqualTo("MISSED");
    assertThat(top.getText()).contains("Décision de l'autorité", "autorité hors délai", "dépassée de 10 j",
        "Regroupement familial");
    assertThat(top.getDomAttribute("class")).contains("parcours-overdue");
    assertThat(row(rows, overdue.reference()).getText()).contains("Rassembler les documents", "Camille Dupont",
        "Recours", "dépassée de 3 j").doesNotContain("demo-caseworker");
    assertThat(row(rows, soon.reference()).getDomAttribute("class")).contains("parcours-soon");
    assertThat(row(rows, within30.reference()).getDomAttribute("class")).contains("parcours-later");
    // background colours really applied (red / amber)
    assertThat(top.findElement(By.tagName("td")).getCssValue("background-color")).isEqualTo("rgba(248, 215, 218, 1)");
    assertThat(row(rows, soon.reference()).findElement(By.tagName("td")).getCssValue("background-color"))
        .isEqualTo("rgba(255, 243, 205, 1)");
    assertThat(section.findElements(By.cssSelector("svg.parcours-step-chart, p.parcours-empty"))).isNotEmpty();
    assertThat(section.findElement(By.cssSelector("table.parcours-workload")).getText()).contains("Camille Dupont")
        .doesNotContain("demo-caseworker");
    // each row links to the dossier page and to the instance in Cockpit
    assertThat(top.findElement(By.cssSelector("a.parcours-dossier-link")).getDomAttribute("href"))
        .isEqualTo("/dossiers/" + missed.id());
    screenshot("cockpit-delays-view.png");

    click(row(rows, overdue.reference()).findElement(By.cssSelector("a.parcours-instance-link")));
    wait.until(ExpectedConditions.urlContains("/process-instance/" + overdue.processInstanceId()));
  }

  @Test
  void each_procedure_diagram_reads_in_cockpit() throws IOException {
    login("cockpit", "demo-admin");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1900, 1100));
    var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    // every process of Parcours: the procedures' own and the shared front they call
    for (String key : be.parcours.eligibility.ProcedureDescriptors.processKeys()) {
      var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult();
      driver.get(url("/camunda/app/cockpit/default/#/process-definition/" + definition.getId() + "/runtime"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-container svg g.djs-element")));
      // this model's diagram (Cockpit swaps the previous one out on the same page)
      wait.until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("[data-element-id='Participant_" + key + "']")));
      // every lane of the model is drawn, with its French name (the visas' legal steps live in the shared back:
      // their own models may have one lane)
      var lanes = engine.getRepositoryService().getBpmnModelInstance(definition.getId())
          .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Lane.class);
      assertThat(lanes).as(key + " has lanes").isNotEmpty();
      for (var lane : lanes) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-element-id='" + lane.getId() + "']")));
      }
      wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
        String text = d.findElement(By.cssSelector(".djs-container")).getText();
        return lanes.stream().allMatch(lane -> text.contains(lane.getName()));
      });
      screenshot("procedure-" + key + ".png");
    }
  }

  @Test
  void a_cockpit_user_outside_supervisors_sees_only_a_reserved_access_message() throws IOException {
    login("cockpit", "e2e-viewer");
    driver.get(url("/camunda/app/cockpit/default/#/suivi-des-delais"));
    var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    WebElement denied = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
        "#parcours-supervision .parcours-denied")));
    assertThat(denied.getText()).contains("Accès réservé");
    assertThat(driver.findElements(By.cssSelector("#parcours-supervision table"))).isEmpty();
    assertThat(driver.getPageSource()).doesNotContain(overdue.reference());
    screenshot("cockpit-access-reserved.png");
  }

  @Test
  void a_caseworker_finds_the_filters_and_a_task_form_with_the_dossier_data_in_tasklist() throws IOException {
    login("tasklist", "demo-caseworker");
    var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    for (String name : List.of("Mes tâches", "Mon équipe", "En retard", "Échéance dans 7 jours")) {
      wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
          "//*[normalize-space(text())='" + name + "']")));
    }
    assertThat(driver.findElements(By.xpath("//*[normalize-space(text())='Juristes — à examiner']"))).isEmpty();
    screenshot("tasklist-filters.png");

    // the team queue lists the dossier tasks
    click(driver.findElement(By.xpath("//*[normalize-space(text())='Mon équipe']")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//*[contains(normalize-space(.), 'Procédure de test (supervision)')]")));
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("Rassembler les documents");

    // open the task of the "soon" dossier in that queue (Tasklist deep link: filter + task)
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(soon.processInstanceId())
        .singleResult().getId();
    driver.get(url("/camunda/app/tasklist/default/#/?filter=" + filters.sync().get("mon-equipe:service-social")
        + "&task=" + taskId));
    // the task's Camunda Form shows the dossier reference
    try {
      wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
          "return Array.from(document.querySelectorAll('input')).some(i => i.value === arguments[0]);",
          soon.reference()));
    } catch (org.openqa.selenium.TimeoutException e) {
      failureEvidence("tasklist-task-form");
      throw e;
    }
    assertThat(driver.getPageSource()).contains("Référence du dossier");
    screenshot("tasklist-task-form.png");
  }

  @Test
  void a_supervisor_opens_the_activity_report_from_cockpit_with_the_previous_year_and_a_monthly_chart()
      throws IOException {
    // 2018: three interventions in March and one in May; 2017: two (one on 31 December)
    intervention("2018-03-05", "INTERVIEW");
    intervention("2018-03-19", "PHONE");
    intervention("2018-03-30", "PHONE");
    intervention("2018-05-02", "ADMIN_STEP");
    intervention("2017-06-14", "INTERVIEW");
    intervention("2017-12-31", "PHONE");
    login("cockpit", "demo-supervisor");
    driver.get(url("/camunda/app/cockpit/default/#/suivi-des-delais"));
    var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#parcours-supervision .parcours-report-link a")));
    assertThat(link.getDomAttribute("href")).isEqualTo("/reports/activity.html");

    // the page reads the figures with the Cockpit session: no second login
    driver.get(url("/reports/activity.html?from=2018-01-01&to=2018-12-31"));
    WebElement total = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//section[h2='Interventions']//tr[@data-figure='total']")));
    assertThat(total.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .containsExactly("Interventions", "4", "2", "+100,0 %");
    assertThat(driver.findElement(By.xpath("//section[h2='Interventions par type']//tr[@data-figure='PHONE']"))
        .getText()).contains("Appel téléphonique").contains("2").contains("1");
    List<WebElement> bars = driver.findElements(By.cssSelector("#chart svg rect.bar-current"));
    assertThat(bars).hasSize(12);
    assertThat(bars.get(2).findElement(By.tagName("title")).getDomProperty("textContent")).isEqualTo("2018-03 : 3");
    assertThat(driver.findElements(By.cssSelector("#chart svg rect.bar-previous")).get(11)
        .findElement(By.tagName("title")).getDomProperty("textContent")).isEqualTo("2017-12 : 1");
    assertThat(driver.findElement(By.id("export-xlsx")).getDomAttribute("href"))
        .endsWith("/api/reports/activity?from=2018-01-01&to=2018-12-31&audience=funder&format=xlsx");
    assertThat(driver.getPageSource()).doesNotContain("Retard"); // never a beneficiary's name
    screenshot("activity-report.png");
  }

  @Test
  void a_caseworker_opening_the_activity_report_is_told_it_is_reserved() throws IOException {
    login("tasklist", "demo-caseworker");
    driver.get(url("/reports/activity.html?from=2018-01-01&to=2018-12-31"));
    var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#status.error")));
    assertThat(status.getText()).isEqualTo("Accès réservé aux superviseurs.");
    assertThat(driver.findElement(By.id("report")).isDisplayed()).isFalse();
    screenshot("activity-report-reserved.png");
  }

  private void intervention(String day, String type) {
    jdbc.update("insert into intervention (dossier_id, beneficiary_id, type, happened_on, minutes, created_by, "
        + "created_at) select id, beneficiary_id, ?, ?, 30, 'demo-caseworker', current_timestamp from dossier "
        + "where id = ?", type, java.sql.Date.valueOf(day), overdue.id());
  }

  private static WebElement row(List<WebElement> rows, String reference) {
    return rows.stream().filter(r -> reference.equals(r.getDomAttribute("data-reference"))).findFirst().orElseThrow();
  }

  /**
   * Logs into a Camunda webapp. Chromium's synthetic key and mouse events (WebDriver "send keys" /
   * "click") do not reach the Camunda 7.24 pages in headless mode here (document never receives
   * them), so text goes in through the DevTools {@code Input.insertText} command, which types into
   * the focused field as an input method does, and buttons and links are activated with
   * {@code element.click()}; AngularJS sees the same input and submit events as from a user.
   */
  private void login(String app, String user) {
    driver.get(url("/camunda/app/" + app + "/default/"));
    var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    // on a loaded machine the first page of a fresh JVM may still be bootstrapping AngularJS when the
    // field shows: text typed then is dropped (an empty login). A user would type again: so does the test.
    for (int attempt = 1; ; attempt++) {
      WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("input[ng-model='username']")));
      type(name, user);
      WebElement password = driver.findElement(By.cssSelector("input[type='password']"));
      type(password, "demo");
      click(driver.findElement(By.cssSelector("button[type='submit']")));
      try {
        new WebDriverWait(driver, Duration.ofSeconds(attempt < 3 ? 20 : 60)).until(
            ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 3) {
          failureEvidence("login-" + app + "-" + user);
          throw e;
        }
      }
    }
  }

  private void type(WebElement field, String text) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].focus(); arguments[0].select && arguments[0].select();",
        field);
    ((ChromeDriver) driver).executeCdpCommand("Input.insertText", java.util.Map.of("text", text));
    assertThat(field.getDomProperty("value")).isEqualTo(text);
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
  }

  /** Screenshot, page source and browser console of a failed step, under target/e2e/. */
  private void failureEvidence(String name) {
    chromium.keepFailure(name);
  }

  private void screenshot(String name) {
    chromium.shot(name.replaceFirst("\\.png$", ""));
  }
}
