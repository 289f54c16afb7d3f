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

/**
 * The intake facts on the dossier page, as a browser posts them: reception opens with identity only
 * and never sees nor changes the facts; the caseworker's refused values come back in French next to
 * their fields (422, nothing saved); valid facts are saved through the audited correction and the
 * verdict is evaluated again, with its legal basis.
 */
@ParcoursSpringTest
class IntakeFactsPagesTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;

  long openAtReception(String lastName) {
    var reception = new PageClient(port);
    reception.login("demo-reception", "demo");
    var form = new LinkedHashMap<String, String>();
    form.put("procedure", "family-reunification");
    form.put("referent", "demo-caseworker");
    form.put("firstName", "Amina");
    form.put("lastName", lastName);
    form.put("birthDate", "12/03/1990");
    form.put("nationality", "MA");
    form.put("languages", "fr");
    form.put("phone", "");
    form.put("email", "");
    form.put("confirmNew", "true");
    var response = reception.submit("/dossiers/new", "/dossiers/new", form);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    return Long.parseLong(PageClient.location(response).replaceAll(".*/dossiers/", ""));
  }

  static Map<String, String> euWorkerSpouse() {
    var form = new LinkedHashMap<String, String>();
    form.put("sponsorKind", "EU_CITIZEN");
    form.put("euResidenceBasis", "WORKER");
    form.put("residence", "UNLIMITED");
    form.put("statusGrantedOn", "05/01/2015");
    form.put("monthlyNetIncome", "2 400,00");
    form.put("incomeKinds", "EMPLOYMENT");
    form.put("adequateHousing", "true");
    form.put("healthInsurance", "true");
    form.put("householdSize", "2");
    form.put("relationship", "SPOUSE");
    form.put("applicantBirthDate", "12/03/1990");
    form.put("relationshipStartedOn", "12/06/2012");
    form.put("relationshipBeforeSponsorArrival", "true");
    form.put("location", "ABROAD");
    form.put("dependent", "");
    form.put("commonMinorChild", "false");
    return form;
  }

  String facts(long id) {
    return jdbc.queryForObject("select facts_json from dossier where id = ?", String.class, id);
  }

  @Test
  void a_bad_date_and_a_negative_income_come_back_in_french_kept_and_nothing_is_saved() {
    long id = openAtReception("Faits" + UUID.randomUUID().toString().substring(0, 6));
    var caseworker = new PageClient(port);
    caseworker.login("demo-caseworker", "demo");
    var bad = new LinkedHashMap<>(euWorkerSpouse());
    bad.put("applicantBirthDate", "31/02/1990");
    bad.put("monthlyNetIncome", "-50");

    var page = caseworker.get("/dossiers/" + id);
    var refused = caseworker.submit("/dossiers/" + id, "/dossiers/" + id + "/facts", bad);

    assertThat(page.body()).contains("Faits de la demande", "Saisir les faits de l’entretien", "Pas encore saisis",
        "Citoyen de l’Union européenne", "ascendant (parent ou grand-parent)");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("Certaines valeurs ne conviennent pas", "Cette date n’existe pas.",
        "Le revenu ne peut pas être négatif.", "value=\"-50\"", "value=\"31/02/1990\"", "value=\"12/06/2012\"")
        .containsPattern("<option value=\"EU_CITIZEN\" selected=\"selected\"");
    assertThat(facts(id)).isNull();
    assertThat(jdbc.queryForObject("select count(*) from dossier_change where dossier_id = ? and field = 'facts'",
        Integer.class, id)).isZero();
  }

  @Test
  void the_caseworker_enters_the_facts_of_an_eu_citizen_and_sees_the_verdict_under_art_40bis() {
    long id = openAtReception("Union" + UUID.randomUUID().toString().substring(0, 6));
    var caseworker = new PageClient(port);
    caseworker.login("demo-caseworker", "demo");

    var saved = caseworker.submit("/dossiers/" + id, "/dossiers/" + id + "/facts", euWorkerSpouse());
    var page = caseworker.get("/dossiers/" + id);

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(PageClient.location(saved)).endsWith("/dossiers/" + id + "#verdict");
    assertThat(page.body()).contains("Faits enregistrés : l’éligibilité a été évaluée à nouveau.",
        "Base légale retenue : art. 40bis loi du 15.12.1980", "Citoyen de l’Union européenne",
        "travailleur salarié", "conjoint(e)", "Corriger les faits", "value=\"2400,00\"")
        .containsPattern("2[\\s\\u00A0\\u202F]400,00[\\s\\u00A0\\u202F]€");
    assertThat(facts(id)).contains("\"kind\":\"EU_CITIZEN\"", "\"euResidenceBasis\":\"WORKER\"",
        "\"monthlyNetIncome\":2400.00", "\"birthDate\":\"1990-03-12\"");
    assertThat(jdbc.queryForObject("select count(*) from dossier_change where dossier_id = ? and field = 'facts' "
        + "and username = 'demo-caseworker'", Integer.class, id)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from dossier_access_log where dossier_id = ? and action = 'CHANGE' "
        + "and username = 'demo-caseworker'", Integer.class, id)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from eligibility_verdict where dossier_id = ?", Integer.class, id))
        .isPositive();
  }

  @Test
  void reception_never_sees_nor_changes_the_facts_and_another_caseworker_cannot_change_them_nor_a_post_without_token() {
    long id = openAtReception("Accueil" + UUID.randomUUID().toString().substring(0, 6));
    var reception = new PageClient(port);
    reception.login("demo-reception", "demo");
    var other = new PageClient(port);
    other.login("demo-caseworker-2", "demo");

    var view = reception.get("/dossiers/" + id);
    var byReception = reception.submit("/dossiers/" + id, "/dossiers/" + id + "/facts", euWorkerSpouse());
    var byOther = other.submit("/dossiers", "/dossiers/" + id + "/facts", euWorkerSpouse());
    var caseworker = new PageClient(port);
    caseworker.login("demo-caseworker", "demo");
    var withoutToken = caseworker.post("/dossiers/" + id + "/facts", euWorkerSpouse());

    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(view.body()).contains("Vue accueil").doesNotContain("Faits de la demande", "monthlyNetIncome");
    assertThat(byReception.statusCode()).isEqualTo(403);
    assertThat(byOther.statusCode()).isEqualTo(403);
    assertThat(withoutToken.statusCode()).isEqualTo(403); // the page's CSRF token is required
    assertThat(facts(id)).isNull();
  }
}
