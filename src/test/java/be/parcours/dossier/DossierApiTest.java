package be.parcours.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@ParcoursSpringTest
class DossierApiTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  AccessLogRepository accessLog;
  @Autowired
  DossierService dossierService;

  private Api caseworker() {
    return Api.as(rest, "demo-caseworker");
  }

  private JsonNode json(String body) throws Exception {
    return mapper.readTree(body);
  }

  @Test
  void a_caseworker_opens_a_dossier_and_reads_it_back() throws Exception {
    var created = caseworker().post("/api/dossiers", DossierJson.familyReunification("Benali"));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json(created.getBody());
    long id = body.get("id").asLong();
    assertThat(created.getHeaders().getLocation()).hasToString("/api/dossiers/" + id);
    assertThat(body.get("reference").asText())
        .isEqualTo(String.format("RF-%d-%05d", LocalDate.now().getYear(), id));
    assertThat(body.get("procedure").asText()).isEqualTo("family-reunification");
    assertThat(body.get("status").asText()).isEqualTo("OPEN");

    var read = caseworker().get("/api/dossiers/" + id);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode dossier = json(read.getBody());
    assertThat(dossier.at("/beneficiary/lastName").asText()).isEqualTo("Benali");
    assertThat(dossier.at("/beneficiary/languages/1").asText()).isEqualTo("ar");
    assertThat(dossier.at("/referenceDate").asText()).isEqualTo("2025-09-15");
    assertThat(dossier.at("/facts/sponsor/monthlyNetIncome").decimalValue()).isEqualByComparingTo("2400.00");
    assertThat(dossier.at("/parties/0/role").asText()).isEqualTo("SPONSOR");
    assertThat(dossier.at("/parties/1/relationship").asText()).isEqualTo("SPOUSE");
    assertThat(dossier.get("documents").isArray()).isTrue();
    assertThat(dossier.get("deadlines").isArray()).isTrue();
    assertThat(dossier.get("openTasks").isArray()).isTrue();
    assertThat(accessLog.countByDossierId(id)).isEqualTo(2); // created, then read
  }

  @Test
  void reception_opens_a_nationality_dossier_whose_reference_date_defaults_to_today() throws Exception {
    var created = Api.as(rest, "demo-reception").post("/api/dossiers", DossierJson.nationality("Mensah"));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json(created.getBody()).get("reference").asText()).startsWith("NA-");
    var read = json(Api.as(rest, "demo-supervisor").get("/api/dossiers/" + json(created.getBody()).get("id").asLong())
        .getBody());
    assertThat(read.get("referenceDate").asText()).isEqualTo(LocalDate.now().toString());
    assertThat(read.get("referent").asText()).isEqualTo("demo-reception");
  }

  @Test
  void search_finds_dossiers_by_name_and_procedure_paged() throws Exception {
    caseworker().post("/api/dossiers", DossierJson.familyReunification("Zyxwvutsra"));
    caseworker().post("/api/dossiers", DossierJson.nationality("Zyxwvutsra"));

    JsonNode all = json(caseworker().get("/api/dossiers?q=zyxwvu&size=1").getBody());
    JsonNode nationality = json(caseworker().get("/api/dossiers?q=ZYXWVU&procedure=nationality").getBody());

    assertThat(all.get("totalElements").asLong()).isEqualTo(2);
    assertThat(all.get("content")).hasSize(1);
    assertThat(all.get("totalPages").asInt()).isEqualTo(2);
    assertThat(nationality.get("totalElements").asLong()).isEqualTo(1);
    assertThat(nationality.at("/content/0/beneficiary").asText()).isEqualTo("Kwame Zyxwvutsra");
  }

  @Test
  void search_matches_the_full_name_and_part_of_the_reference() throws Exception {
    String reference = json(caseworker().post("/api/dossiers", DossierJson.nationality("Qwertzuiop")).getBody())
        .get("reference").asText();

    JsonNode fullName = json(caseworker().get("/api/dossiers?q=kwame%20qwertz").getBody());
    JsonNode byReference = json(caseworker().get("/api/dossiers?q=" + reference.substring(3).toLowerCase()).getBody());
    JsonNode reversed = json(caseworker().get("/api/dossiers?q=qwertzuiop%20kwame").getBody());

    assertThat(fullName.at("/content/0/reference").asText()).isEqualTo(reference);
    assertThat(fullName.get("totalElements").asLong()).isEqualTo(1);
    assertThat(byReference.findValuesAsText("reference")).contains(reference);
    assertThat(reversed.at("/content/0/reference").asText()).isEqualTo(reference); // word order ignored
  }

  @Test
  void an_intervention_is_logged_on_a_dossier() throws Exception {
    long id = json(caseworker().post("/api/dossiers", DossierJson.familyReunification("Interv")).getBody())
        .get("id").asLong();

    var response = caseworker().post("/api/dossiers/" + id + "/interventions",
        "{\"type\":\"PHONE\",\"date\":\"2026-01-05\",\"minutes\":15,\"note\":\"Rappel des documents\"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode dossier = json(caseworker().get("/api/dossiers/" + id).getBody());
    assertThat(dossier.at("/interventions/0/type").asText()).isEqualTo("PHONE");
    assertThat(dossier.at("/interventions/0/minutes").asInt()).isEqualTo(15);
    assertThat(dossier.at("/interventions/0/by").asText()).isEqualTo("demo-caseworker");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "malformed JSON            | {\"procedure\":                                                 | ",
      "missing beneficiary       | {\"procedure\":\"nationality\",\"person\":{\"birthDate\":\"1980-01-01\"}} | beneficiary",
      "unknown procedure         | {\"procedure\":\"asylum\",\"beneficiary\":{\"firstName\":\"A\",\"lastName\":\"B\"}} | procedure",
      "impossible date           | {\"procedure\":\"nationality\",\"beneficiary\":{\"firstName\":\"A\",\"lastName\":\"B\",\"birthDate\":\"1990-02-30\"},\"person\":{\"birthDate\":\"1980-01-01\"}} | beneficiary.birthDate",
      "future birth date         | {\"procedure\":\"nationality\",\"beneficiary\":{\"firstName\":\"A\",\"lastName\":\"B\"},\"person\":{\"birthDate\":\"2999-01-01\"}} | person.birthDate",
      "unknown enum value        | {\"procedure\":\"family-reunification\",\"beneficiary\":{\"firstName\":\"A\",\"lastName\":\"B\"},\"sponsor\":{\"kind\":\"ALIEN\"},\"applicant\":{\"relationship\":\"SPOUSE\"}} | sponsor.kind",
      "negative amount           | {\"procedure\":\"family-reunification\",\"beneficiary\":{\"firstName\":\"A\",\"lastName\":\"B\"},\"sponsor\":{\"kind\":\"BELGIAN\",\"monthlyNetIncome\":-1},\"applicant\":{\"relationship\":\"SPOUSE\"}} | sponsor.monthlyNetIncome",
      "wrong type                | {\"procedure\":\"family-reunification\",\"beneficiary\":{\"firstName\":\"A\",\"lastName\":\"B\"},\"sponsor\":{\"kind\":\"BELGIAN\",\"householdSize\":\"deux\"},\"applicant\":{\"relationship\":\"SPOUSE\"}} | sponsor.householdSize",
      "partial facts             | {\"procedure\":\"family-reunification\",\"beneficiary\":{\"firstName\":\"A\",\"lastName\":\"B\"},\"sponsor\":{\"kind\":\"BELGIAN\"}} | applicant",
      "blank name                | {\"procedure\":\"visa\",\"beneficiary\":{\"firstName\":\" \",\"lastName\":\"B\"},\"visaType\":\"C\",\"purpose\":\"TOURISM\",\"applicant\":{}} | beneficiary.firstName",
      "not an object             | [1,2]                                                          | "})
  void bad_input_gets_a_400_naming_the_field_and_creates_nothing(String name, String body, String field)
      throws Exception {
    long before = json(caseworker().get("/api/dossiers").getBody()).get("totalElements").asLong();

    var response = caseworker().post("/api/dossiers", body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode error = json(response.getBody());
    assertThat(error.get("error").asText()).isEqualTo("INVALID_INPUT");
    assertThat(error.get("message").asText()).isNotBlank();
    if (field != null) {
      assertThat(error.get("field").asText()).isEqualTo(field);
      assertThat(error.get("message").asText()).startsWith(field + ":");
    }
    assertThat(json(caseworker().get("/api/dossiers").getBody()).get("totalElements").asLong()).isEqualTo(before);
  }

  @Test
  void bad_intervention_and_query_parameters_get_400() throws Exception {
    long id = json(caseworker().post("/api/dossiers", DossierJson.nationality("Bad")).getBody()).get("id").asLong();

    var future = caseworker().post("/api/dossiers/" + id + "/interventions",
        "{\"type\":\"PHONE\",\"date\":\"2999-01-01\"}");
    var badType = caseworker().post("/api/dossiers/" + id + "/interventions", "{\"type\":\"COFFEE\",\"date\":\"2026-01-01\"}");
    var size = caseworker().get("/api/dossiers?size=1000");
    var status = caseworker().get("/api/dossiers?status=LOST");

    assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(future.getBody()).get("field").asText()).isEqualTo("date");
    assertThat(badType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(badType.getBody()).get("field").asText()).isEqualTo("type");
    assertThat(size.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(size.getBody()).get("field").asText()).isEqualTo("size");
    assertThat(status.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void a_caseworker_records_a_checklist_document_and_missing_documents_follow() throws Exception {
    long id = json(caseworker().post("/api/dossiers", DossierJson.familyReunification("Docs")).getBody())
        .get("id").asLong();
    dossierService.recordVerdict(id, new RecordedVerdict(LocalDate.parse("2025-09-15"), "FR-2025", "ELIGIBLE",
        "test#1", "{}", java.util.List.of("PASSPORT", "MARRIAGE_CERTIFICATE")));

    var received = caseworker().put("/api/dossiers/" + id + "/documents/PASSPORT",
        "{\"status\":\"VALIDATED\",\"expiresOn\":\"2031-01-01\"}");
    var legalised = caseworker().put("/api/dossiers/" + id + "/documents/MARRIAGE_CERTIFICATE",
        "{\"status\":\"RECEIVED\",\"legalised\":true,\"translated\":false,\"note\":\"apostille\"}");
    var badCode = caseworker().put("/api/dossiers/" + id + "/documents/passport!", "{\"status\":\"RECEIVED\"}");
    var badStatus = caseworker().put("/api/dossiers/" + id + "/documents/PASSPORT", "{\"status\":\"LOST\"}");

    assertThat(received.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(received.getBody()).get("validatedOn").asText()).isEqualTo(LocalDate.now().toString());
    assertThat(json(legalised.getBody()).get("legalised").asBoolean()).isTrue();
    assertThat(badCode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(dossierService.missingDocuments(id)).isEmpty();

    caseworker().put("/api/dossiers/" + id + "/documents/PASSPORT", "{\"status\":\"REJECTED\"}");
    assertThat(dossierService.missingDocuments(id)).containsExactly("PASSPORT");
  }

  @Test
  void a_document_past_its_expiry_date_counts_as_missing() throws Exception {
    long id = json(caseworker().post("/api/dossiers", DossierJson.nationality("Expired")).getBody())
        .get("id").asLong();

    caseworker().put("/api/dossiers/" + id + "/documents/BIRTH_CERTIFICATE",
        "{\"status\":\"VALIDATED\",\"expiresOn\":\"2020-01-01\"}");

    assertThat(dossierService.missingDocuments(id)).containsExactly("BIRTH_CERTIFICATE");
    assertThat(json(caseworker().get("/api/dossiers/" + id).getBody()).at("/documents/0/status").asText())
        .isEqualTo("EXPIRED");
  }

  @Test
  void unknown_ids_get_404() {
    assertThat(caseworker().get("/api/dossiers/987654").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(caseworker().post("/api/dossiers/987654/interventions",
        "{\"type\":\"PHONE\",\"date\":\"2026-01-01\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
