package be.parcours.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Chromium;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The GDPR duties in a real browser (Debian's Chromium, as {@code SupervisionBrowserE2E}):
 * demo-supervisor opens a person's dossier, exports their data from the dossier page (printable
 * page, PDF), then sees the retention's dry-run list with the old closed dossier. Screenshots in
 * {@code target/e2e/}.
 */
@ParcoursSpringTest
class PrivacyBrowserE2E {


  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  RetentionService retention;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;
  @Autowired
  ObjectMapper mapper;

  Chromium chromium;
  WebDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void browser() {
    chromium = Chromium.start("fr-BE", 1300, 1800);
    driver = chromium.driver();
    wait = chromium.waiting(Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void a_supervisor_exports_a_person_s_data_from_the_dossier_page_and_sees_the_dry_run() throws Exception {
    var scenario = new RetentionScenario(rest, jdbc, retention, runtime, tasks, history, mapper);
    var p = scenario.personWithData();

    driver.get(url("/login"));
    driver.findElement(By.id("username")).sendKeys("demo-supervisor");
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.logout")));

    driver.get(url("/dossiers/" + p.id()));
    var button = wait.until(ExpectedConditions.elementToBeClickable(By.id("privacy-export")));
    assertThat(button.getText()).isEqualTo("Données de la personne (RGPD)");
    shot("privacy-01-dossier-page");
    button.click();
    wait.until(ExpectedConditions.urlContains("/dossiers/" + p.id() + "/export"));
    String page = driver.findElement(By.tagName("body")).getText();
    assertThat(page).contains("Données personnelles", "La personne", p.lastName(), "+32 471 11 22 33",
        "Dossier " + p.reference() + " — Regroupement familial", "Faits de la demande", "Version des règles",
        "passeport-" + p.lastName() + ".png", "Qui a consulté ou modifié le dossier", "Export", "demo-supervisor");
    assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
    // facts and scans as the caseworker reads them: labels, jj/mm/aaaa, 2 450,00 €, never codes
    String facts = driver.findElement(By.cssSelector("table.facts")).getText().replace('\u00A0', ' ').replace('\u202F', ' ');
    assertThat(facts).contains("Revenu mensuel net", "2 450,00 €", "Statut obtenu le", "01/09/2025")
        .contains("emploi", "illimité").doesNotContain("sponsor.", "2025-09-01", "2450.0", "EMPLOYMENT", "UNLIMITED");
    assertThat(driver.findElement(By.id("export-person")).getText()).contains("Congo");
    assertThat(driver.findElement(By.cssSelector("table.files")).getText()).contains("Passeport")
        .doesNotContain("PASSPORT");
    shot("privacy-02-export-page");
    String pdfHref = driver.findElement(By.id("export-pdf")).getDomAttribute("href");
    assertThat(pdfHref).isEqualTo("/dossiers/" + p.id() + "/export.pdf");
    // the PDF as the browser gets it: same session
    var headers = new org.springframework.http.HttpHeaders();
    headers.add("Cookie", driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
        .collect(java.util.stream.Collectors.joining("; ")));
    var pdf = rest.exchange(url(pdfHref), org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(headers), byte[].class);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(new String(pdf.getBody(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    Files.write(Chromium.SHOTS.resolve("privacy-export.pdf"), pdf.getBody());

    scenario.closedSixYearsAgo(p);
    driver.findElement(By.linkText("Conservation des données")).click();
    wait.until(ExpectedConditions.urlContains("/privacy/retention"));
    String list = driver.findElement(By.tagName("body")).getText();
    assertThat(list).contains("Conservation des données", "Liste seulement", "à confirmer par les juristes",
        p.reference(), "Regroupement familial");
    assertThat(driver.findElement(By.id("retention-candidates")).getText()).contains(p.reference())
        .doesNotContain(p.lastName());
    shot("privacy-03-retention-dry-run");

    // a caseworker who is not the referent has no button and gets the 403 page
    driver.findElement(By.cssSelector("form.logout button")).click();
    wait.until(ExpectedConditions.urlContains("/login"));
    driver.findElement(By.id("username")).sendKeys("demo-caseworker-2");
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.logout")));
    driver.get(url("/privacy/retention"));
    assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain(p.reference());
    shot("privacy-04-retention-refused");
  }

  @Test
  void a_supervisor_erases_a_closed_dossier_at_the_person_s_request() throws Exception {
    var scenario = new RetentionScenario(rest, jdbc, retention, runtime, tasks, history, mapper);
    var p = scenario.personWithData();
    chromium.loginToWorkplace(url(""), "demo-supervisor");

    // an open dossier is never erased: the page says why and has no form
    driver.get(url("/dossiers/" + p.id() + "/erase"));
    assertThat(driver.findElement(By.id("erase-not-possible")).getText())
        .contains("encore ouvert", "clôturez d'abord la procédure".replace('\'', '’'));
    assertThat(driver.findElements(By.id("erase-form"))).isEmpty();

    scenario.closedLastMonth(p);
    driver.get(url("/dossiers/" + p.id()));
    var button = wait.until(ExpectedConditions.elementToBeClickable(By.id("privacy-erase")));
    assertThat(button.getText()).isEqualTo("Effacer à la demande (RGPD)");
    button.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("erase-form")));
    // nothing typed, then a wrong reference: refused in French, nothing erased
    driver.findElement(By.id("erase-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field.invalid")));
    String refused = driver.findElement(By.id("erase-form")).getText();
    assertThat(refused).contains("Indiquez le motif de la demande.", "La référence tapée ne correspond pas à ce dossier.");
    driver.findElement(By.id("erase-reason")).sendKeys("Courrier de la personne du 28/11/2026 demandant l’effacement");
    driver.findElement(By.id("erase-confirmation")).sendKeys("RF-0000-00000");
    driver.findElement(By.id("erase-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("erase-form"),
        "La référence tapée ne correspond pas à ce dossier."));
    assertThat(jdbc.queryForObject("select last_name from beneficiary b join dossier d on d.beneficiary_id = b.id "
        + "where d.id = ?", String.class, p.id())).isEqualTo(p.lastName());
    shot("privacy-05-erase-refused");

    // the reason is kept; the right reference erases
    assertThat(driver.findElement(By.id("erase-reason")).getDomProperty("value")).startsWith("Courrier de la personne");
    driver.findElement(By.id("erase-confirmation")).clear();
    driver.findElement(By.id("erase-confirmation")).sendKeys(p.reference());
    driver.findElement(By.id("erase-submit")).click();
    wait.until(ExpectedConditions.urlMatches("/dossiers/" + p.id() + "$"));
    String page = driver.findElement(By.tagName("body")).getText();
    assertThat(page).contains("Le dossier " + p.reference() + " est anonymisé", "anonymisée")
        .doesNotContain(p.lastName());
    assertThat(driver.findElements(By.id("privacy-erase"))).as("nothing left to erase").isEmpty();
    assertThat(driver.findElements(By.cssSelector("form.facts-form"))).as("a closed dossier's facts are not edited").isEmpty();
    shot("privacy-06-erased");
    assertThat(jdbc.queryForObject("select count(*) from dossier_file where dossier_id = ?", Integer.class, p.id()))
        .isZero();
    assertThat(jdbc.queryForObject("select username || ' ' || detail from dossier_access_log where dossier_id = ? "
        + "and action = 'ANONYMISED'", String.class, p.id()))
        .startsWith("demo-supervisor effacement à la demande de la personne (RGPD, art. 17) : Courrier de la personne");
    // a second attempt: already anonymised, no form
    driver.get(url("/dossiers/" + p.id() + "/erase"));
    assertThat(driver.findElement(By.id("erase-not-possible")).getText()).contains("déjà anonymisé");
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  void shot(String name) {
    chromium.shot(name);
  }
}
