package be.parcours.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.shared.TimeConfig;
import be.parcours.testsupport.Api;
import be.parcours.testsupport.Chromium;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist as a caseworker sees it, in Debian's Chromium (headless, {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}): French, the team queue first with the person and the reference on
 * the cards, no Camunda 8 banner, no Parcours procedure to start, the form's live dossier context
 * and its link to the dossier, the documents-missing and refused-date messages, and the date
 * {@code 01/12/2026} typed in the real form stored as 1 December 2026. Screenshots in
 * {@code target/e2e/}. Run with {@code ./mvnw verify -Pe2e -Dit.test=TasklistBrowserE2E}.
 */
@ParcoursSpringTest
class TasklistBrowserE2E {

  static final String BODY = """
      {"procedure":"family-reunification","referenceDate":"2025-10-01",
       "beneficiary":{"firstName":"Élodie","lastName":"%s","birthDate":"1991-05-14","nationality":"MA"},
       "sponsor":{"kind":"THIRD_COUNTRY_NATIONAL","residence":"UNLIMITED","statusGrantedOn":"2025-09-01",
                  "monthlyNetIncome":2600.00,"incomeKinds":["EMPLOYMENT"],"adequateHousing":true,
                  "healthInsurance":true,"householdSize":2},
       "applicant":{"relationship":"SPOUSE","birthDate":"1992-02-20","relationshipStartedOn":"2019-05-04",
                    "relationshipBeforeSponsorArrival":true,"location":"IN_BELGIUM"}}
      """;

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  JdbcTemplate jdbc;

  Chromium chromium;
  WebDriver driver;

  void browser(String lang) {
    chromium = Chromium.start(lang, 1400, 1800);
    driver = chromium.driver();
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void a_caseworker_works_a_dossier_in_french_tasklist_with_live_context_and_clear_refusals() throws Exception {
    // a dossier opened (as in the workplace) on 1 November 2026, its intake done by reception
    JsonNode created = json(Api.as(rest, "demo-caseworker").post("/api/dossiers", BODY.formatted("Navigateur"))
        .getBody());
    long id = created.get("id").asLong();
    String reference = created.get("reference").asText();
    jdbc.update("update dossier set opened_on = ? where id = ?", java.sql.Date.valueOf(LocalDate.of(2026, 11, 1)), id);
    Task intake = await(() -> task(reference, "Task_Intake"));
    assertThat(Api.as(rest, "demo-reception").post("/engine-rest/task/" + intake.getId() + "/submit-form",
        "{\"variables\":{}}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Task collect = await(() -> task(reference, "Task_CollectDocuments"));

    browser("fr-BE");
    login("demo-caseworker");
    var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    // French, team queue first, the person and the dossier on the card
    WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//li[contains(@class,'task')][.//*[contains(normalize-space(.), '" + reference + "')]]")));
    assertThat(card.getText()).contains("Élodie Navigateur", reference, "Personne", "Dossier");
    List<WebElement> filters = driver.findElements(By.cssSelector("[cam-tasklist-filters] .task-filter"));
    assertThat(filters.get(0).getText()).contains("Mon équipe");
    assertThat(filters.get(0).getDomAttribute("class")).contains("active");
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("Démarrer une procédure", "Créée il y a",
        "fuseau horaire local")
        .doesNotContain("Start process", "It is time to migrate");
    assertThat(driver.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
        .isTrue();
    screenshot("tasklist-fr-team-queue.png");

    // no Parcours procedure can be started from Tasklist
    click(driver.findElement(By.xpath("//a[contains(normalize-space(.), 'Démarrer une procédure')]")));
    WebElement modal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-content")));
    wait.until(d -> !modal.getText().contains("Chargement"));
    assertThat(modal.getText()).contains("Aucune définition de procédure n'est disponible.")
        .doesNotContain("Regroupement", "FamilyReunification", "Nationalit", "Visa");
    screenshot("tasklist-start-process-empty.png");
    click(driver.findElement(By.cssSelector(".modal-footer button, .modal-content button.close")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-content")));

    // the task's form: the dossier context and the link to the dossier; no link to Cockpit
    openTask(collect);
    WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//a[normalize-space(.)='Ouvrir le dossier']")));
    assertThat(link.getDomAttribute("href")).isEqualTo("/dossiers/" + id);
    assertThat(driver.findElements(By.cssSelector("a.instance-link")).stream().noneMatch(WebElement::isDisplayed))
        .isTrue();
    String missing = fieldValue("Documents manquants");
    assertThat(missing).isNotBlank().doesNotStartWith("Aucun");

    // "Terminer" while documents are missing: the reason, by label, in French; the task stays
    click(completeButton());
    WebElement refusal = notification("il manque encore", "documents-missing");
    assertThat(refusal.getText()).contains("Cette tâche ne peut pas encore être terminée", missing.split(" ; ")[0]);
    screenshot("tasklist-documents-missing.png");
    assertThat(taskService.createTaskQuery().taskId(collect.getId()).count()).isEqualTo(1);

    // every document received in the dossier: the form, opened again, says nothing is missing
    for (JsonNode doc : json(Api.as(rest, "demo-caseworker").get("/api/dossiers/" + id).getBody()).get("documents")) {
      Api.as(rest, "demo-caseworker").put("/api/dossiers/" + id + "/documents/" + doc.get("code").asText(),
          "{\"status\":\"RECEIVED\",\"legalised\":true,\"translated\":true}");
    }
    driver.navigate().refresh();
    openTask(collect);
    wait.until(d -> fieldValue("Documents manquants").startsWith("Aucun"));
    assertThat(fieldValue("Documents manquants")).isEqualTo("Aucun : tous les documents requis sont reçus");
    screenshot("tasklist-form-live-context.png");
    click(completeButton());
    wait.until(d -> taskService.createTaskQuery().taskId(collect.getId()).count() == 0);

    // "Introduire la demande à la commune": a future date is refused, 01/12/2026 is 1 December 2026
    Task file = await(() -> task(reference, "Task_FileAtCommune"));
    openTask(file);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form-field-textfield input")));
    Thread.sleep(2000); // form-js renders its fields again once the variables arrive: type after that
    WebElement filedOn = dateInput();
    String tomorrow = LocalDate.now(TimeConfig.BRUSSELS).plusDays(1).format(TasklistFormsTest.JJ_MM_AAAA);
    typeKeys(filedOn, tomorrow);
    click(completeButton());
    WebElement refusedDate = notification("est dans le futur", "refused-date");
    assertThat(refusedDate.getText()).contains("Date d'introduction", tomorrow);
    screenshot("tasklist-refused-date.png");
    assertThat(taskService.createTaskQuery().taskId(file.getId()).count()).isEqualTo(1);

    typeKeys(dateInput(), "01/12/2026");
    click(completeButton());
    wait.until(d -> taskService.createTaskQuery().taskId(file.getId()).count() == 0);
    assertThat(runtimeService.getVariable(file.getProcessInstanceId(), "filedOn")).isEqualTo("2026-12-01");
    screenshot("tasklist-date-accepted.png");
  }

  @Test
  void a_dutch_browser_gets_dutch_and_an_unknown_language_french() throws IOException {
    browser("nl-BE");
    driver.get(url("/camunda/app/tasklist/default/"));
    // the first Tasklist page of the test run may be the webapp's cold start (slow on a busy CI machine)
    var wait = new WebDriverWait(driver, Duration.ofSeconds(90));
    try {
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    } catch (org.openqa.selenium.TimeoutException e) {
      failureEvidence("login-nl");
      throw e;
    }
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Aanmelden"));
    assertThat(driver.findElement(By.cssSelector("input[ng-model='username']")).getDomAttribute("placeholder"))
        .isEqualTo("Gebruikersnaam");
    screenshot("tasklist-login-nl.png");
    closeBrowser();

    browser("de-DE");
    driver.get(url("/camunda/app/cockpit/default/"));
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    WebDriver d2 = driver;
    wait.until(d -> d2.findElement(By.tagName("body")).getText().contains("Se connecter"));
    assertThat(driver.findElement(By.cssSelector("input[ng-model='username']")).getDomAttribute("placeholder"))
        .isEqualTo("Nom d'utilisateur");
    screenshot("cockpit-login-fr-fallback.png");
  }

  private Task task(String reference, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).singleResult();
  }

  private void openTask(Task task) {
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector(".fjs-form")));
    // a team task is worked once taken ("Prendre en charge"), as in Tasklist by hand
    var claim = driver.findElements(By.cssSelector("[ng-click='claim()']"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      WebElement before = driver.findElement(By.cssSelector(".fjs-form"));
      click(claim.get(0));
      new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> taskService.createTaskQuery().taskId(task.getId())
          .taskAssignee("demo-caseworker").count() == 1);
      // Tasklist renders the form again for its new assignee: what is typed before that is lost, so
      // (as a user waits for the page to settle) type in the form once it is rendered again
      try {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(before));
      } catch (org.openqa.selenium.TimeoutException e) {
        // the same form stayed: nothing to wait for
      }
      new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector(".fjs-form")));
    }
  }

  /** Tasklist's "Terminer" button, once enabled (it waits for the form to be ready). */
  private WebElement completeButton() {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
      WebElement b = d.findElement(By.cssSelector("button[ng-click='complete()']"));
      return b.isEnabled() ? b : null;
    });
  }

  /** Waits for a Tasklist notification containing the text; on failure, leaves the page's evidence. */
  private WebElement notification(String text, String evidence) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//*[contains(@class,'notification') or contains(@class,'alert')][contains(., \"" + text + "\")]")));
    } catch (org.openqa.selenium.TimeoutException e) {
      failureEvidence(evidence);
      throw e;
    }
  }

  /** The value of a form-js field by its label (the dossier context's read-only fields). */
  private String fieldValue(String label) {
    Object v = ((JavascriptExecutor) driver).executeScript("""
        const field = Array.from(document.querySelectorAll('.fjs-form-field'))
          .find(f => { const l = f.querySelector('label'); return l && l.textContent.trim() === arguments[0]; });
        const el = field && field.querySelector('input, textarea');
        return el ? el.value : null;""", label);
    return v == null ? "" : v.toString();
  }

  /** The filing date field: the form's only text field that is not read-only. */
  private WebElement dateInput() {
    return driver.findElements(By.cssSelector(".fjs-form-field-textfield input")).stream()
        .filter(e -> e.getDomAttribute("readonly") == null && e.isEnabled()).findFirst().orElseThrow();
  }

  /** Logs in through Tasklist's own login form (see SupervisionBrowserE2E for the typing method). */
  private void login(String user) {
    driver.get(url("/camunda/app/tasklist/default/"));
    var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    WebElement name = new WebDriverWait(driver, Duration.ofSeconds(90)).until( // a cold start may be slow
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Se connecter"));
    screenshot("tasklist-login-fr.png");
    type(name, user);
    type(driver.findElement(By.cssSelector("input[type='password']")), "demo");
    click(driver.findElement(By.cssSelector("button[type='submit']")));
    try {
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    } catch (org.openqa.selenium.TimeoutException e) {
      failureEvidence("login-" + user);
      throw e;
    }
  }

  private void type(WebElement field, String text) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].focus(); arguments[0].select && arguments[0].select();",
        field);
    ((ChromeDriver) driver).executeCdpCommand("Input.insertText", java.util.Map.of("text", text));
    ((JavascriptExecutor) driver).executeScript(
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field);
    assertThat(field.getDomProperty("value")).isEqualTo(text);
  }

  /** Real key events (form-js keeps the value of its own input events, not of a value set from outside). */
  private void typeKeys(WebElement field, String text) {
    field.click();
    field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
        org.openqa.selenium.Keys.DELETE);
    field.sendKeys(text);
    field.sendKeys(org.openqa.selenium.Keys.TAB); // leaves the field, as a user does before "Terminer"
    assertThat(dateInput().getDomProperty("value")).isEqualTo(text);
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
  }

  private void failureEvidence(String name) {
    chromium.keepFailure(name);
  }

  private void screenshot(String name) {
    chromium.shot(name.replaceFirst("\\.png$", ""));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static <T> T await(Supplier<T> probe) {
    Instant end = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(end)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("timed out");
  }

  private JsonNode json(String body) {
    try {
      return mapper.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(body, e);
    }
  }
}
