package be.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.clock.LegalClock;
import be.parcours.dossier.BeneficiaryInput;
import be.parcours.dossier.DossierOpening;
import be.parcours.dossier.OpenDossierCommand;
import be.parcours.dossier.Procedure;
import be.parcours.shared.TimeConfig;
import be.parcours.testsupport.Chromium;
import be.parcours.testsupport.ParcoursSpringTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole day in the workplace, in Debian's Chromium (as {@code SupervisionBrowserE2E}): reception
 * opens a dossier for a new person and is warned of a person already known; the caseworker finds
 * her ignoring accents, enters the intake facts on the dossier page, uploads two scans, marks the
 * documents, records a negative decision notified by registered letter and sees the appeal
 * deadline; a second caseworker cannot open the
 * file without an exceptional-access reason. Screenshots of every step in {@code target/e2e/}.
 *
 * <p>Steps that belong to Tasklist (the intake form, the document checkpoint, the embassy
 * appointment and filing) are completed through the engine's service here: their browser tests
 * are the Tasklist suite's. Run with {@code ./mvnw verify -Pe2e -Dit.test=WorkplaceDayE2E}.
 */
@ParcoursSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkplaceDayE2E {


  @LocalServerPort
  int port;
  @Autowired
  DossierOpening opening;
  @Autowired
  TaskService tasks;
  @Autowired
  LegalClock legalClock;

  Chromium chromium;
  WebDriver driver;
  WebDriverWait wait;
  final LocalDate today = LocalDate.now(TimeConfig.BRUSSELS);
  String knownReference;

  @BeforeAll
  void startChromium() throws IOException {
    // the same person came two years ago for a visa (no accents typed then)
    knownReference = opening.open(OpenDossierCommand.withoutFacts(Procedure.VISA,
        new BeneficiaryInput("Elodie", "Dupre", LocalDate.of(1990, 3, 12), "CD", List.of("fr"), null, null),
        "demo-caseworker-2"), "demo-caseworker-2").reference();
    chromium = Chromium.start();
    driver = chromium.driver();
    wait = chromium.waiting(Duration.ofSeconds(40));
    // htmx swaps a document's row while the test reads it: read it again rather than fail
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  @AfterAll
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void a_whole_day_in_the_workplace() throws Exception {
    // 1. reception: the French login page, then the home page
    driver.get(url("/"));
    wait.until(ExpectedConditions.urlContains("/login"));
    assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
    shot("01-login");
    login("demo-reception");
    assertThat(body()).contains("Bonjour Nadia El Amrani", "Mes tâches ouvertes", "Alertes");
    shot("02-home-reception");

    // 2. a new person: identity and contact first, warned of the person already known
    chromium.click(By.linkText("Nouveau dossier"));
    new Select(driver.findElement(By.id("procedure"))).selectByValue("family-reunification");
    new Select(driver.findElement(By.id("referent"))).selectByValue("demo-caseworker");
    chromium.type(By.id("firstName"), "Élodie");
    chromium.type(By.id("lastName"), "Dupré");
    chromium.type(By.id("birthDate"), "12/03/1990");
    chromium.type(By.id("nationality"), "CD");
    clear(By.id("languages"));
    chromium.type(By.id("languages"), "fr, ln");
    chromium.type(By.id("phone"), "+32 470 12 34 56");
    chromium.type(By.id("email"), "elodie.dupre@example.org");
    submit(By.cssSelector("form.card button[type=submit]"));
    WebElement duplicates = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("duplicates")));
    assertThat(duplicates.getText()).contains("Cette personne est peut-être déjà connue", knownReference,
        "Elodie Dupre", "Visa", "né(e) le 12/03/1990");
    assertThat(driver.findElement(By.id("firstName")).getDomProperty("value")).isEqualTo("Élodie"); // kept
    shot("03-duplicate-warning");
    submit(By.cssSelector("form.card button[type=submit]")); // "Créer quand même un nouveau dossier"
    wait.until(ExpectedConditions.urlMatches(".*/dossiers/\\d+$"));
    long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/dossiers/", ""));
    String reference = driver.findElement(By.cssSelector(".page-head .sub strong")).getText();
    assertThat(body()).contains("ouvert ; la procédure a démarré", "Élodie Dupré", "Vue accueil")
        .doesNotContain("Documents à réunir");
    awaitTask(reference, "Task_Intake"); // the procedure's first step may be created asynchronously
    driver.navigate().refresh();
    assertThat(body()).contains("Premier entretien et constitution du dossier");
    shot("04-dossier-reception-view");
    logout();

    // 3. the caseworker: her dossier on the home page, the person found ignoring accents
    login("demo-caseworker");
    assertThat(driver.findElement(By.cssSelector("main")).getText()).contains(reference, "Élodie Dupré");
    shot("05-home-caseworker");
    chromium.type(By.id("home-q"), "elodie dupre");
    submit(By.cssSelector("form.searchbar button"));
    wait.until(ExpectedConditions.urlContains("/dossiers?q="));
    assertThat(body()).contains(reference, knownReference, "Élodie Dupré", "accès restreint");
    shot("06-search-accents");
    chromium.click(By.cssSelector("[data-reference='" + reference + "'] a.btn"));
    wait.until(ExpectedConditions.urlMatches(".*/dossiers/" + id + "$"));

    // 4. the intake: the caseworker enters the facts on the dossier page (the Tasklist form of the
    // intake is the Tasklist suite's: completed through the engine here)
    WebElement factsCard = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("facts")));
    assertThat(factsCard.getText()).contains("Faits de la demande", "Pas encore saisis");
    new Select(driver.findElement(By.id("sponsorKind"))).selectByValue("THIRD_COUNTRY_NATIONAL");
    assertThat(driver.findElement(By.id("eu-basis")).isDisplayed()).isFalse(); // only for an EU citizen
    new Select(driver.findElement(By.id("residence"))).selectByValue("UNLIMITED");
    chromium.type(By.id("statusGrantedOn"), "05/01/2015");
    chromium.type(By.id("monthlyNetIncome"), "4 200,00");
    chromium.check(driver.findElement(By.id("income-EMPLOYMENT")));
    new Select(driver.findElement(By.id("adequateHousing"))).selectByValue("true");
    new Select(driver.findElement(By.id("healthInsurance"))).selectByValue("true");
    chromium.type(By.id("householdSize"), "2");
    new Select(driver.findElement(By.id("relationship"))).selectByValue("SPOUSE");
    chromium.type(By.id("applicantBirthDate"), "12/03/1990");
    chromium.type(By.id("relationshipStartedOn"), "12/06/2012");
    new Select(driver.findElement(By.id("relationshipBeforeSponsorArrival"))).selectByValue("true");
    new Select(driver.findElement(By.id("location"))).selectByValue("ABROAD");
    chromium.scrollTo(By.id("facts"));
    shot("06b-intake-facts");
    submit(By.cssSelector("form.facts-form button[type=submit]"));
    assertThat(flash()).contains("Faits enregistrés");
    assertThat(driver.findElement(By.id("facts")).getText()).contains("Ressortissant d’un pays tiers",
        "séjour illimité", "emploi salarié", "conjoint(e)");
    tasks.complete(awaitTask(reference, "Task_Intake").getId(), Map.of("sponsorCard", "A"));
    // judged on the 2026 indexed amounts, still "to confirm" (rules/family-reunification/base-amounts):
    // the file goes to legal review first, and a jurist lets it continue
    tasks.complete(awaitTask(reference, "Task_LegalReview").getId(), Map.of("reviewDecision", "CONTINUE"));
    try {
      awaitTask(reference, "Task_CollectDocuments");
    } catch (AssertionError e) {
      throw new AssertionError("no document collection; open tasks " + openTasks(reference), e);
    }
    driver.navigate().refresh();
    WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
    assertThat(verdict.getText()).contains("À examiner par les juristes", "Revenus du regroupant")
        .containsPattern("\\d \\d{3},\\d{2} €");
    List<WebElement> rows = driver.findElements(By.cssSelector("tr.document-row"));
    assertThat(rows.size()).isGreaterThanOrEqualTo(2);
    assertThat(rows.get(0).getText()).doesNotContain("_"); // labels, not codes
    shot("07-dossier-verdict-documents");
    String first = rows.get(0).getDomAttribute("data-code");
    String second = rows.get(1).getDomAttribute("data-code");

    // the list handed to the person, in her language (French)
    driver.get(url("/dossiers/" + id + "/list"));
    assertThat(body()).contains("Documents à apporter", "Élodie Dupré", "l’original", "Prochain rendez-vous");
    shot("08-list-for-the-person");
    driver.get(url("/dossiers/" + id));

    // 5. two scans uploaded from the dossier page (a PNG photo and a PDF)
    upload(first, scanPng());
    assertThat(flash()).contains("ajouté (chiffré)");
    upload(second, scanPdf());
    assertThat(driver.findElement(By.id("doc-" + first)).getText()).contains("passeport.png");
    assertThat(driver.findElement(By.id("doc-" + second)).getText()).contains("acte.pdf");
    chromium.scrollTo(By.id("documents"));
    shot("09-two-scans");

    // 6. every document marked validated, legalised and translated, in place (htmx)
    for (WebElement row : driver.findElements(By.cssSelector("tr.document-row"))) {
      String code = row.getDomAttribute("data-code");
      WebElement fresh = driver.findElement(By.id("doc-" + code));
      new Select(fresh.findElement(By.name("status"))).selectByValue("VALIDATED");
      chromium.check(fresh.findElement(By.name("legalised")));
      chromium.check(fresh.findElement(By.name("translated")));
      fresh.findElement(By.name("expiresOn")).clear();
      fresh.findElement(By.name("expiresOn")).sendKeys(Formats.DATE.format(today.plusYears(5)));
      chromium.click(fresh.findElement(By.cssSelector("button[type=submit]")));
      wait.until(d -> "VALIDATED".equals(d.findElement(By.id("doc-" + code)).getDomAttribute("data-status")));
    }
    assertThat(driver.findElement(By.id("documents")).getText()).contains("validé", "légalisé / apostillé",
        "traduction jurée", "expire le " + Formats.DATE.format(today.plusYears(5)));
    chromium.scrollTo(By.id("documents"));
    shot("10-documents-validated");

    // 7. the checkpoint passes; appointment and filing at the embassy (Tasklist forms, through the engine)
    tasks.complete(awaitTask(reference, "Task_CollectDocuments").getId());
    tasks.complete(awaitTask(reference, "Task_BookAppointment").getId(),
        Map.of("appointmentOn", today.toString(), "appointmentPlace", "Ambassade de Belgique, Kinshasa"));
    tasks.complete(awaitTask(reference, "Task_FileVisaApplication").getId(), Map.of("filedOn", today.toString()));

    // 8. a negative decision notified by registered letter posted today: the appeal clock shows
    WebElement button = awaitOnRefresh(By.cssSelector("#decision summary"));
    shot("11-waiting-for-decision");
    chromium.click(button);
    new Select(driver.findElement(By.id("outcome"))).selectByValue("NEGATIVE");
    new Select(driver.findElement(By.id("mode"))).selectByValue("REGISTERED_LETTER");
    chromium.type(By.id("decisionDate"), Formats.DATE.format(today));
    shot("12-decision-form");
    submit(By.cssSelector("#decision button[type=submit]"));
    LocalDate deemed = legalClock.registeredLetterNotification(today).dueOn();
    assertThat(flash()).contains("recommandé déposé le " + Formats.DATE.format(today),
        "réputé notifié le " + Formats.DATE.format(deemed));
    LocalDate appealDue = legalClock.deadline("APPEAL_CCE", deemed).dueOn();
    WebElement appeal = awaitOnRefresh(By.cssSelector("#deadlines li[data-code='APPEAL_CCE']"));
    assertThat(appeal.getText()).contains("Recours devant le CCE", Formats.DATE.format(appealDue));
    chromium.scrollTo(By.id("deadlines"));
    shot("13-appeal-deadline");
    logout();

    // 9. a second caseworker: the file is protected; an exceptional access needs a reason
    login("demo-caseworker-2");
    driver.get(url("/dossiers/" + id));
    assertThat(body()).contains("Dossier protégé par le secret professionnel", "Motif de l’accès exceptionnel")
        .doesNotContain("Documents à réunir");
    shot("14-restricted");
    chromium.type(By.id("reason"), "Remplacement de Camille Dupont, absente ; la personne est au guichet.");
    submit(By.cssSelector("main form button[type=submit]")); // not the header's "Se déconnecter"
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("documents")));
    assertThat(flash()).contains("Accès exceptionnel accordé pour 24 heures");
    shot("15-exceptional-access");
  }

  // ---- helpers ---------------------------------------------------------------------------------

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  void login(String user) {
    driver.get(url("/login"));
    chromium.type(By.id("username"), user);
    chromium.type(By.id("password"), "demo");
    submit(By.cssSelector("form button[type=submit]"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.logout")));
  }

  void logout() {
    submit(By.cssSelector("form.logout button"));
    wait.until(ExpectedConditions.urlContains("/login?logout"));
  }

  void upload(String code, Path file) {
    WebElement row = driver.findElement(By.id("doc-" + code));
    row.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath().toString());
    String before = driver.getCurrentUrl();
    chromium.click(row.findElement(By.cssSelector("form.upload button")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash")));
    assertThat(before).isNotNull();
  }

  Task awaitTask(String reference, String key) {
    return await(() -> tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key)
        .singleResult(), key);
  }

  WebElement awaitOnRefresh(By by) {
    return await(() -> {
      driver.navigate().refresh();
      var found = driver.findElements(by);
      return found.isEmpty() ? null : found.get(0);
    }, by.toString());
  }

  static <T> T await(Supplier<T> probe, String what) {
    Instant end = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(end)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  /** What the procedure does instead (for a failure message). */
  String openTasks(String reference) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).list().stream()
        .map(Task::getTaskDefinitionKey).toList().toString();
  }

  String body() {
    return driver.findElement(By.tagName("body")).getText();
  }

  String flash() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash"))).getText();
  }

  void clear(By by) {
    driver.findElement(by).clear();
  }

  void submit(By by) {
    chromium.click(by);
  }

  void shot(String name) {
    chromium.shot("workplace-" + name);
  }

  static Path scanPng() throws IOException {
    var image = new java.awt.image.BufferedImage(120, 80, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 120, 80);
    g.setColor(java.awt.Color.BLUE);
    g.drawString("PASSEPORT", 10, 40);
    g.dispose();
    Path file = Files.createTempDirectory("scan").resolve("passeport.png");
    javax.imageio.ImageIO.write(image, "png", file.toFile());
    return file;
  }

  static Path scanPdf() throws IOException {
    Path file = Files.createTempDirectory("scan").resolve("acte.pdf");
    Files.writeString(file, "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
        + "endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    return file;
  }
}
