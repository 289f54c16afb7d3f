package be.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.ParcoursSpringTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The facts of a visa and of a nationality declaration in the browser, as a browser posts them: a
 * visa dossier says at opening which visa (C and D are different procedures) and starts that one;
 * the caseworker records a declaration's facts and a visa's on the dossier page, refused values come
 * back in French beside their fields (422, nothing saved), and facts that would need the other visa
 * procedure are refused — on the page and through the API.
 */
@ParcoursSpringTest
class OtherFactsPagesTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  RuntimeService runtime;

  Map<String, String> person(String procedure, String lastName) {
    var form = new LinkedHashMap<String, String>();
    form.put("procedure", procedure);
    form.put("referent", "demo-caseworker");
    form.put("firstName", "Youssef");
    form.put("lastName", lastName);
    form.put("birthDate", "04/07/1988");
    form.put("nationality", "ma");
    form.put("languages", "fr");
    form.put("phone", "");
    form.put("email", "");
    form.put("confirmNew", "true");
    return form;
  }

  long open(Map<String, String> form) {
    var reception = new PageClient(port);
    reception.login("demo-reception", "demo");
    var response = reception.submit("/dossiers/new", "/dossiers/new", form);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    return Long.parseLong(PageClient.location(response).replaceAll(".*/dossiers/", ""));
  }

  String facts(long id) {
    return jdbc.queryForObject("select facts_json from dossier where id = ?", String.class, id);
  }

  String reference(long id) {
    return jdbc.queryForObject("select reference from dossier where id = ?", String.class, id);
  }

  long runningProcesses(long id, String key) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference(id)).processDefinitionKey(key)
        .count();
  }

  @Test
  void reception_opens_a_long_stay_visa_and_the_visa_d_procedure_starts_with_the_person_as_applicant() {
    var form = person("visa", "Visa" + UUID.randomUUID().toString().substring(0, 6));
    form.put("visaType", "D");
    form.put("purpose", "FAMILY_REUNIFICATION");

    long id = open(form);
    var caseworker = new PageClient(port);
    caseworker.login("demo-caseworker", "demo");
    var page = caseworker.get("/dossiers/" + id);

    assertThat(runningProcesses(id, "VisaD")).isEqualTo(1);
    assertThat(runningProcesses(id, "VisaC")).isZero();
    assertThat(facts(id)).contains("\"visaType\":\"D\"", "\"purpose\":\"FAMILY_REUNIFICATION\"",
        "\"birthDate\":\"1988-07-04\"", "\"nationality\":\"MA\"");
    assertThat(page.body()).contains("Faits de la demande", "long séjour (visa D)", "regroupement familial",
        "04/07/1988", "Corriger les faits", "Le type de visa est celui de la procédure en cours");
  }

  @Test
  void a_visa_without_its_type_nor_purpose_is_not_opened_and_the_page_says_why_in_french() {
    String lastName = "SansType" + UUID.randomUUID().toString().substring(0, 6);
    var reception = new PageClient(port);
    reception.login("demo-reception", "demo");

    var refused = reception.submit("/dossiers/new", "/dossiers/new", person("visa", lastName));

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("Choisissez le visa : court séjour (C) ou long séjour (D).",
        "Choisissez le motif du séjour.", "value=\"" + lastName + "\"");
    assertThat(jdbc.queryForObject("select count(*) from beneficiary where last_name = ?", Integer.class, lastName))
        .isZero();
  }

  static Map<String, String> declaration() {
    var form = new LinkedHashMap<String, String>();
    form.put("birthDate", "04/07/1988");
    form.put("bornInBelgium", "false");
    form.put("livedInBelgiumSinceBirth", "false");
    form.put("residenceCard", "B");
    form.put("legalStaySince", "15/09/2016");
    form.put("languageLevel", "A2");
    form.put("socialIntegration", "DIPLOMA");
    form.put("daysWorkedLast5Years", "520");
    form.put("selfEmployedQuarters", "0");
    form.put("marriedToBelgianCohabitingYears", "0");
    form.put("parentOfMinorBelgian", "false");
    form.put("disabilityOrPension", "false");
    form.put("communityParticipation", "");
    form.put("feePaidOn", "");
    return form;
  }

  @Test
  void the_caseworker_records_a_declarations_facts_refused_values_first_then_the_verdict_is_given() {
    long id = open(person("nationality", "Nat" + UUID.randomUUID().toString().substring(0, 6)));
    var caseworker = new PageClient(port);
    caseworker.login("demo-caseworker", "demo");
    var bad = new LinkedHashMap<>(declaration());
    bad.put("daysWorkedLast5Years", "2000");
    bad.put("legalStaySince", "15/09/1980");

    var empty = caseworker.get("/dossiers/" + id);
    var refused = caseworker.submit("/dossiers/" + id, "/dossiers/" + id + "/facts/nationality", bad);
    assertThat(facts(id)).isNull();
    var saved = caseworker.submit("/dossiers/" + id, "/dossiers/" + id + "/facts/nationality", declaration());
    var page = caseworker.get("/dossiers/" + id);

    assertThat(empty.body()).contains("Saisir les faits de l’entretien", "carte B (séjour illimité)",
        "Séjour légal ininterrompu depuis le", "value=\"04/07/1988\"");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("Nombre de jours de 0 à 1 830.",
        "Le séjour légal ne peut pas commencer avant la naissance.", "value=\"2000\"", "value=\"15/09/1980\"");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(facts(id)).contains("\"residenceCard\":\"B\"", "\"legalStaySince\":\"2016-09-15\"",
        "\"daysWorkedLast5Years\":520", "\"languageLevel\":\"A2\"");
    assertThat(page.body()).contains("Faits enregistrés : l’éligibilité a été évaluée à nouveau.",
        "carte B (séjour illimité)", "15/09/2016", "diplôme belge du secondaire supérieur", "Corriger les faits");
    assertThat(jdbc.queryForObject("select count(*) from eligibility_verdict where dossier_id = ?", Integer.class, id))
        .isPositive();
    assertThat(jdbc.queryForObject("select count(*) from dossier_change where dossier_id = ? and field = 'facts' "
        + "and username = 'demo-caseworker'", Integer.class, id)).isEqualTo(1);
  }

  @Test
  void a_short_stay_visa_keeps_its_procedure_the_page_and_the_api_refuse_the_facts_of_a_visa_d() {
    var form = person("visa", "Court" + UUID.randomUUID().toString().substring(0, 6));
    form.put("visaType", "C");
    form.put("purpose", "FAMILY_VISIT");
    long id = open(form);
    var caseworker = new PageClient(port);
    caseworker.login("demo-caseworker", "demo");
    var corrected = new LinkedHashMap<String, String>();
    corrected.put("visaType", "C");
    corrected.put("purpose", "TOURISM");
    corrected.put("applicantBirthDate", "04/07/1988");
    corrected.put("applicantNationality", "MA");
    corrected.put("sponsorKind", "");
    var asD = new LinkedHashMap<>(corrected);
    asD.put("visaType", "D");

    var saved = caseworker.submit("/dossiers/" + id, "/dossiers/" + id + "/facts/visa", corrected);
    var refused = caseworker.submit("/dossiers/" + id, "/dossiers/" + id + "/facts/visa", asD);
    var api = patch(id, "{\"facts\":{\"visaType\":\"D\",\"purpose\":\"STUDY\",\"applicant\":{\"birthDate\":\"1988-07-04\"}}}");

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("le type de visa ne peut plus changer une fois la procédure commencée");
    assertThat(api.statusCode()).as(api.body()).isEqualTo(422);
    assertThat(facts(id)).contains("\"visaType\":\"C\"", "\"purpose\":\"TOURISM\"");
    assertThat(runningProcesses(id, "VisaC")).isEqualTo(1);
    assertThat(caseworker.get("/dossiers/" + id).body()).contains("court séjour (visa C)", "tourisme",
        "Motif du séjour");
  }

  HttpResponse<String> patch(long id, String json) {
    try {
      var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dossiers/" + id))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              "demo-caseworker:demo".getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json")
          .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build();
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
