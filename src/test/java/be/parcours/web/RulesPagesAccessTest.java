package be.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.ParcoursSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The workbench page: jurists change, supervisors read, other groups are refused; French first, Dutch by the browser. */
@ParcoursSpringTest
class RulesPagesAccessTest {

  @LocalServerPort
  int port;

  PageClient as(String user) {
    var browser = new PageClient(port);
    browser.login(user, "demo");
    return browser;
  }

  @Test
  void a_jurist_sees_the_workbench_with_its_forms() {
    var page = as("demo-legal").get("/rules");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html lang=\"fr\"", "Règles — plan de travail des juristes", "Version en vigueur",
        "Paramètres légaux en vigueur le", "INCOME_THRESHOLD", "à confirmer", "Modifier ce tableau",
        "Vérifier et proposer", "Historique des versions", "/rules/files/regles.zip");
    // the thresholds are percentages of an indexed base amount (base-amounts.drl.csv), no longer typed euros
    assertThat(as("demo-legal").get("/rules/tables/family-reunification").body())
        .contains("INCOME_THRESHOLD_PERCENT", "110 % du RMMMG", "value=\"110\"", "18/08/2025", "Nouvelles lignes");
  }

  @Test
  void a_jurist_indexes_base_amounts_on_the_table_page_and_every_parameter_table_of_the_workbench_opens() {
    var jurist = as("demo-legal");
    var family = jurist.get("/rules/tables/family-reunification");

    assertThat(family.statusCode()).isEqualTo(200);
    assertThat(family.body()).contains("Indexer un montant de base", "name=\"ix_amount\"", "Seuils calculés",
        "Montant de base", "RIS famille à charge", "Montants de base indexés", "ne se tapent pas")
        .doesNotContain("2 323,08");
    // the alerts' parameters are listed on the workbench with « Modifier ce tableau »: their page opens too, in French
    var alerts = jurist.get("/rules/tables/alerts");
    assertThat(alerts.statusCode()).isEqualTo(200);
    assertThat(alerts.body()).contains("Alertes de risque juridique", "ALERT_CHILD_URGENT_DAYS")
        .doesNotContain("Indexer un montant de base");
    assertThat(jurist.get("/rules").body()).contains("Alertes de risque juridique");
    assertThat(jurist.get("/rules/tables/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void a_supervisor_reads_without_forms_and_a_caseworker_is_refused() {
    var supervisor = as("demo-supervisor").get("/rules");
    var caseworker = as("demo-caseworker").get("/rules");
    var supervisorEdit = as("demo-supervisor").get("/rules/tables/family-reunification");

    assertThat(supervisor.statusCode()).isEqualTo(200);
    assertThat(supervisor.body()).contains("Lecture seule").doesNotContain("Modifier ce tableau")
        .doesNotContain("Vérifier et proposer");
    assertThat(supervisorEdit.statusCode()).isEqualTo(403);
    assertThat(caseworker.statusCode()).isEqualTo(403);
  }

  @Test
  void the_page_speaks_dutch_to_a_dutch_browser() {
    var browser = new PageClient(port);
    browser.acceptLanguage = "nl-BE";
    browser.login("demo-legal", "demo");

    assertThat(browser.get("/rules").body()).contains("Regels — werkbank van de juristen", "Geldende versie");
  }
}
