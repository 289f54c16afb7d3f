package be.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.ParcoursSpringTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dossier pages as their users post them: CSRF, duplicates, errors kept, access per person. */
@ParcoursSpringTest
class DossierPagesTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;

  Map<String, String> person(String first, String last, String birth) {
    var form = new LinkedHashMap<String, String>();
    form.put("procedure", "family-reunification");
    form.put("referent", "");
    form.put("firstName", first);
    form.put("lastName", last);
    form.put("birthDate", birth);
    form.put("nationality", "MA");
    form.put("languages", "fr, ar");
    form.put("phone", "+32 470 00 00 00");
    form.put("email", "");
    return form;
  }

  long open(PageClient browser, Map<String, String> form) {
    var response = browser.submit("/dossiers/new", "/dossiers/new", form);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    String location = PageClient.location(response);
    assertThat(location).matches(".*/dossiers/\\d+");
    return Long.parseLong(location.replaceAll(".*/dossiers/", ""));
  }

  @Test
  void a_caseworker_opens_a_dossier_and_is_warned_of_the_same_identity_the_second_time() {
    String last = "Benali" + UUID.randomUUID().toString().substring(0, 6);
    var browser = new PageClient(port);
    browser.login("demo-caseworker", "demo");

    long id = open(browser, person("Yasmine", last, "14/05/1994"));
    var page = browser.get("/dossiers/" + id);
    var again = browser.submit("/dossiers/new", "/dossiers/new", person("yasmine", last.toUpperCase(), "14/05/1994"));
    int before = count(last);
    var anyway = new LinkedHashMap<>(person("Yasmine", last, "14/05/1994"));
    anyway.put("confirmNew", "true");
    long second = open(browser, anyway);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Yasmine " + last, "Regroupement familial", "Premier entretien et constitution du dossier",
        "Documents à réunir", "14/05/1994");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("Cette personne est peut-être déjà connue", "/dossiers/" + id,
        "Créer quand même un nouveau dossier", "value=\"yasmine\"");
    assertThat(before).isEqualTo(1);
    assertThat(second).isNotEqualTo(id);
    assertThat(count(last)).isEqualTo(2);
  }

  @Test
  void a_refused_value_comes_back_in_french_with_everything_typed_kept() {
    var browser = new PageClient(port);
    browser.login("demo-reception", "demo");

    var response = browser.submit("/dossiers/new", "/dossiers/new", person("Élodie", "Dupré-Kasa", "31/02/1990"));
    var badEmail = new LinkedHashMap<>(person("Élodie", "Dupré-Kasa", "01/12/1990"));
    badEmail.put("email", "pas-une-adresse");
    var second = browser.submit("/dossiers/new", "/dossiers/new", badEmail);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Cette date n’existe pas.", "value=\"Élodie\"", "value=\"Dupré-Kasa\"",
        "value=\"31/02/1990\"", "value=\"fr, ar\"");
    assertThat(second.body()).contains("Adresse e-mail invalide.", "value=\"01/12/1990\"");
    assertThat(count("Dupré-Kasa")).isZero();
  }

  @Test
  void a_page_form_without_its_csrf_token_changes_nothing() {
    var browser = new PageClient(port);
    browser.login("demo-caseworker", "demo");

    var response = browser.post("/dossiers/new", person("Sans", "Jeton", "01/01/1980"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(count("Jeton")).isZero();
  }

  @Test
  void legal_staff_do_not_open_dossiers() {
    var browser = new PageClient(port);
    browser.login("demo-legal", "demo");

    assertThat(browser.get("/dossiers/new").statusCode()).isEqualTo(403);
    assertThat(browser.submit("/", "/dossiers/new", person("Par", "Juriste", "01/01/1980")).statusCode())
        .isEqualTo(403);
    assertThat(browser.get("/").body()).doesNotContain(">Nouveau dossier<");
  }

  @Test
  void another_caseworker_gets_a_403_page_and_sees_the_file_after_an_exceptional_access_with_a_reason() {
    var referent = new PageClient(port);
    referent.login("demo-caseworker", "demo");
    long id = open(referent, person("Karim", "Secret" + UUID.randomUUID().toString().substring(0, 6), "02/02/1985"));
    var other = new PageClient(port);
    other.login("demo-caseworker-2", "demo");
    var reception = new PageClient(port);
    reception.login("demo-reception", "demo");

    var refused = other.get("/dossiers/" + id);
    var tooShort = other.submit("/dossiers/" + id, "/dossiers/" + id + "/access-requests", Map.of("reason", "urgent"));
    var granted = other.submit("/dossiers/" + id, "/dossiers/" + id + "/access-requests",
        Map.of("reason", "Remplacement de la référente absente cette semaine"));
    var after = other.get("/dossiers/" + id);
    var receptionView = reception.get("/dossiers/" + id);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Dossier protégé par le secret professionnel", "Motif de l’accès exceptionnel")
        .doesNotContain("Karim");
    assertThat(tooShort.statusCode()).isEqualTo(403);
    assertThat(tooShort.body()).contains("Indiquez un motif (10 à 1 000 caractères).", "urgent");
    assertThat(PageClient.location(granted)).endsWith("/dossiers/" + id);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).contains("Accès exceptionnel accordé", "Documents à réunir");
    assertThat(receptionView.statusCode()).isEqualTo(200);
    assertThat(receptionView.body()).contains("Vue accueil", "Karim").doesNotContain("Documents à réunir",
        "Éligibilité", "Historique des modifications");
    assertThat(jdbc.queryForObject("select count(*) from dossier_access_log where dossier_id = ? and action = "
        + "'EXCEPTIONAL_ACCESS' and username = 'demo-caseworker-2'", Integer.class, id)).isEqualTo(1);
  }

  @Test
  void an_intervention_with_an_impossible_date_is_refused_and_kept_then_added_in_jj_mm_aaaa() {
    var browser = new PageClient(port);
    browser.login("demo-caseworker", "demo");
    long id = open(browser, person("Ines", "Timeline" + UUID.randomUUID().toString().substring(0, 6), "03/03/1983"));

    var refused = browser.submit("/dossiers/" + id, "/dossiers/" + id + "/interventions",
        Map.of("type", "PHONE", "date", "32/13/2026", "minutes", "15", "note", "Appel au sujet du passeport"));
    var shown = browser.get("/dossiers/" + id);
    var added = browser.submit("/dossiers/" + id, "/dossiers/" + id + "/interventions",
        Map.of("type", "PHONE", "date", "01/12/2026", "minutes", "15", "note", "Appel au sujet du passeport"));
    var page = browser.get("/dossiers/" + id);

    assertThat(PageClient.location(refused)).contains("/dossiers/" + id);
    assertThat(shown.body()).contains("Cette date n’existe pas.", "value=\"32/13/2026\"", "Appel au sujet du passeport");
    assertThat(PageClient.location(added)).contains("/dossiers/" + id);
    assertThat(page.body()).contains("Intervention ajoutée.", "Appel téléphonique", "01/12/2026 · 15 min");
    assertThat(jdbc.queryForObject("select happened_on from intervention where dossier_id = ?", java.sql.Date.class,
        id).toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 1));
  }

  @Test
  void the_search_ignores_accents_and_word_order_and_gives_cards_for_other_peoples_files() {
    String last = "Dupré" + UUID.randomUUID().toString().substring(0, 4);
    var owner = new PageClient(port);
    owner.login("demo-caseworker", "demo");
    long id = open(owner, person("Élodie", last, "12/03/1990"));
    var other = new PageClient(port);
    other.login("demo-caseworker-2", "demo");

    var mine = owner.get("/dossiers?q=" + java.net.URLEncoder.encode(
        PageClient.encode(Map.of()).isEmpty() ? last.replace("é", "e") + " elodie" : "", java.nio.charset.StandardCharsets.UTF_8));
    var card = other.get("/dossiers?q=elodie+" + java.net.URLEncoder.encode(last.replace("é", "e"),
        java.nio.charset.StandardCharsets.UTF_8));

    assertThat(mine.body()).contains("Élodie " + last, "href=\"/dossiers/" + id + "\"");
    assertThat(card.body()).contains("Élodie " + last, "accès restreint", "Demander l’accès");
  }

  int count(String lastName) {
    return jdbc.queryForObject("select count(*) from dossier d join beneficiary b on b.id = d.beneficiary_id "
        + "where b.last_name = ?", Integer.class, lastName);
  }
}
