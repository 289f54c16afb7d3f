package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

@ParcoursSpringTest
class EligibilityApiTest {

  static final String CONTRACT_EXAMPLE = """
      { "referenceDate": "2025-09-15",
        "sponsor": { "kind": "THIRD_COUNTRY_NATIONAL", "residence": "UNLIMITED", "statusGrantedOn": "2025-09-01",
          "monthlyNetIncome": 2400.00, "incomeKinds": ["EMPLOYMENT"], "adequateHousing": true, "healthInsurance": true,
          "householdSize": 2 },
        "applicant": { "relationship": "SPOUSE", "birthDate": "1996-04-02", "relationshipStartedOn": "2021-06-12",
          "relationshipBeforeSponsorArrival": true, "location": "ABROAD" } }
      """;

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  EligibilityService eligibility;

  @Test
  void the_contract_example_is_eligible_under_fr_2025() throws Exception {
    var response = Api.as(rest, "demo-caseworker").post("/api/eligibility/family-reunification", CONTRACT_EXAMPLE);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode v = mapper.readTree(response.getBody());
    assertThat(v.get("procedure").asText()).isEqualTo("family-reunification");
    assertThat(v.get("referenceDate").asText()).isEqualTo("2025-09-15");
    assertThat(v.get("regime").asText()).isEqualTo("FR-2025");
    assertThat(v.get("outcome").asText()).isEqualTo("ELIGIBLE");
    assertThat(v.get("findings")).hasSize(7);
    assertThat(v.at("/findings/4/criterion").asText()).isEqualTo("SPONSOR_INCOME");
    assertThat(v.at("/findings/4/message").asText()).isEqualTo("Revenus 2 400,00 € ≥ seuil 2 323,08 €");
    assertThat(v.get("legalBasis").asText()).isEqualTo("art. 10 loi du 15.12.1980");
    assertThat(v.at("/findings/4/legalBasis").asText()).contains("art. 10 §5");
    assertThat(v.at("/findings/4/details/threshold").decimalValue()).isEqualByComparingTo("2323.08");
    assertThat(v.get("requiredDocuments").toString()).contains("PASSPORT");
    assertThat(v.get("rulesVersion").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z#[0-9a-f]{7}");
  }

  @Test
  void the_same_person_a_day_apart_around_the_reform_gets_different_verdicts() throws Exception {
    String before = CONTRACT_EXAMPLE.replace("2025-09-15", "2025-08-17").replace("\"2025-09-01\"", "\"2025-08-18\"")
        .replace("2400.00", "2200.00");
    String after = before.replace("\"referenceDate\": \"2025-08-17\"", "\"referenceDate\": \"2025-08-18\"");

    JsonNode v1 = mapper.readTree(Api.as(rest, "demo-legal").post("/api/eligibility/family-reunification", before).getBody());
    JsonNode v2 = mapper.readTree(Api.as(rest, "demo-legal").post("/api/eligibility/family-reunification", after).getBody());

    assertThat(v1.get("regime").asText() + " " + v1.get("outcome").asText()).isEqualTo("FR-2016 ELIGIBLE");
    assertThat(v2.get("regime").asText() + " " + v2.get("outcome").asText()).isEqualTo("FR-2025 NEEDS_REVIEW");
  }

  @Test
  void accept_language_switches_the_messages() throws Exception {
    var headers = new HttpHeaders();
    headers.add("Accept-Language", "nl");
    var nl = Api.as(rest, "demo-caseworker").exchange(HttpMethod.POST, "/api/eligibility/family-reunification",
        CONTRACT_EXAMPLE, headers);

    assertThat(mapper.readTree(nl.getBody()).at("/findings/4/message").asText())
        .isEqualTo("Inkomen € 2.400,00 ≥ drempel € 2.323,08");
  }

  @Test
  void bad_input_gets_400_and_wrong_groups_403() {
    var caseworker = Api.as(rest, "demo-caseworker");

    assertThat(caseworker.post("/api/eligibility/family-reunification",
        CONTRACT_EXAMPLE.replace("\"2025-09-15\"", "\"2025-02-30\"")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(caseworker.post("/api/eligibility/family-reunification",
        CONTRACT_EXAMPLE.replace("2400.00", "-5")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(caseworker.post("/api/eligibility/family-reunification",
        CONTRACT_EXAMPLE.replace("\"referenceDate\": \"2025-09-15\",", "")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(caseworker.post("/api/eligibility/family-reunification",
        CONTRACT_EXAMPLE.replace("SPOUSE", "COUSIN")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.as(rest, "demo-reception").post("/api/eligibility/family-reunification", CONTRACT_EXAMPLE)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void legal_staff_validate_and_reload_the_packaged_rules_and_list_versions() throws Exception {
    String active = eligibility.activeVersion();
    int before = mapper.readTree(Api.as(rest, "demo-supervisor").get("/api/rules/versions").getBody()).size();
    var validate = Api.as(rest, "demo-legal").post("/api/rules/validate", null);
    var reload = Api.as(rest, "demo-legal").post("/api/rules/reload", null);
    var versions = Api.as(rest, "demo-supervisor").get("/api/rules/versions");

    assertThat(validate.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(mapper.readTree(validate.getBody()).get("valid").asBoolean()).isTrue();
    assertThat(mapper.readTree(validate.getBody()).at("/scenarios/passed").asInt()).isGreaterThanOrEqualTo(30);
    assertThat(reload.getStatusCode()).isEqualTo(HttpStatus.OK);
    // the packaged folder is the active content: no new version, the active one stays (loaded by the seed)
    JsonNode reloaded = mapper.readTree(reload.getBody());
    assertThat(reloaded.get("status").asText()).isEqualTo("ACTIVE");
    String version = reloaded.get("version").asText();
    assertThat(version).isEqualTo(active).isEqualTo(eligibility.activeVersion());
    JsonNode list = mapper.readTree(versions.getBody());
    assertThat(list).hasSize(before);
    var actives = new java.util.ArrayList<JsonNode>();
    list.forEach(v -> {
      if (v.get("active").asBoolean()) {
        actives.add(v);
      }
    });
    assertThat(actives).hasSize(1);
    assertThat(actives.get(0).get("version").asText()).isEqualTo(version);
    assertThat(actives.get(0).get("loadedBy").asText()).isEqualTo("system");
    assertThat(Api.as(rest, "demo-reception").get("/api/rules/versions").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(rest, "demo-caseworker").post("/api/rules/reload", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  static String family(String referenceDate, String sponsor, String applicant) {
    return "{ \"referenceDate\": \"" + referenceDate + "\", \"sponsor\": " + sponsor + ", \"applicant\": " + applicant
        + " }";
  }

  JsonNode verdict(String body) throws Exception {
    var response = Api.as(rest, "demo-caseworker").post("/api/eligibility/family-reunification", body);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return mapper.readTree(response.getBody());
  }

  static String finding(JsonNode v, String criterion) {
    for (JsonNode f : v.get("findings")) {
      if (f.get("criterion").asText().equals(criterion)) {
        return f.get("result").asText();
      }
    }
    return null;
  }

  @Test
  void the_spouse_of_an_eu_worker_needs_neither_age_nor_means_under_art_40bis() throws Exception {
    JsonNode v = verdict(family("2026-12-01",
        "{ \"kind\": \"EU_CITIZEN\", \"euResidenceBasis\": \"WORKER\", \"householdSize\": 2 }",
        "{ \"relationship\": \"SPOUSE\", \"birthDate\": \"2007-03-10\", \"location\": \"IN_BELGIUM\" }"));

    assertThat(v.get("outcome").asText()).isEqualTo("ELIGIBLE");
    assertThat(v.get("legalBasis").asText()).isEqualTo("art. 40bis loi du 15.12.1980");
    assertThat(v.get("regime").asText()).as("EU files are not moved into FR-2025").isEqualTo("FR-2016");
    assertThat(v.get("findings")).hasSize(7);
    assertThat(finding(v, "APPLICANT_AGE")).isEqualTo("NOT_APPLICABLE");
    assertThat(finding(v, "SPONSOR_INCOME")).isEqualTo("NOT_APPLICABLE");
    assertThat(v.at("/findings/0/message").asText()).isEqualTo("Citoyen de l'Union résidant en Belgique comme travailleur");
    assertThat(v.at("/findings/4/legalBasis").asText()).contains("art. 40 §4");
    // no finding of an EU citizen's file cites the third-country nationals' article
    for (JsonNode f : v.get("findings")) {
      assertThat(f.get("legalBasis").asText()).as(f.get("criterion").asText()).doesNotContain("art. 10 ");
    }
    assertThat(finding(v, "WAITING_PERIOD")).isEqualTo("NOT_APPLICABLE");
    assertThat(v.get("requiredDocuments").toString()).contains("EU_SPONSOR_RESIDENCE_PROOF").doesNotContain("FEE_PAYMENT_PROOF",
        "SPONSOR_INCOME_PROOF_12_MONTHS");
  }

  @Test
  void the_family_of_a_self_sufficient_eu_citizen_shows_resources_and_insurance() throws Exception {
    String sponsor = "{ \"kind\": \"EU_CITIZEN\", \"euResidenceBasis\": \"SELF_SUFFICIENT\", \"monthlyNetIncome\": 2000.00,"
        + " \"incomeKinds\": [\"PENSION\"], \"healthInsurance\": true, \"householdSize\": 2 }";
    String spouse = "{ \"relationship\": \"SPOUSE\", \"birthDate\": \"1960-03-10\", \"location\": \"IN_BELGIUM\" }";

    JsonNode in2025 = verdict(family("2025-10-01", sponsor, spouse));
    JsonNode in2026 = verdict(family("2026-12-01", sponsor, spouse));
    JsonNode uninsured = verdict(family("2025-10-01", sponsor.replace("\"healthInsurance\": true", "\"healthInsurance\": false"), spouse));

    assertThat(in2025.get("outcome").asText()).isEqualTo("ELIGIBLE");
    assertThat(in2025.get("legalBasis").asText()).isEqualTo("art. 40bis loi du 15.12.1980");
    assertThat(in2025.at("/findings/4/details/threshold").decimalValue()).isEqualByComparingTo("1776.07");
    assertThat(finding(in2025, "HOUSING")).isEqualTo("NOT_APPLICABLE");
    assertThat(uninsured.get("outcome").asText()).isEqualTo("NEEDS_REVIEW");
    assertThat(finding(uninsured, "HEALTH_INSURANCE")).isEqualTo("NOT_MET");
    // the RIS of 1 March 2026 is still to confirm: never decided on it
    assertThat(in2026.get("outcome").asText()).isEqualTo("NEEDS_REVIEW");
    assertThat(in2026.at("/findings/4/details/threshold").decimalValue()).isEqualByComparingTo("1811.59");
  }

  @Test
  void a_belgian_s_child_of_19_is_reviewed_never_refused_under_art_40ter() throws Exception {
    String sponsor = "{ \"kind\": \"BELGIAN\", \"monthlyNetIncome\": 2500.00, \"incomeKinds\": [\"EMPLOYMENT\"],"
        + " \"adequateHousing\": true, \"healthInsurance\": true, \"householdSize\": 3 }";
    JsonNode v = verdict(family("2026-12-01", sponsor,
        "{ \"relationship\": \"CHILD\", \"birthDate\": \"2007-05-10\", \"location\": \"ABROAD\" }"));
    JsonNode notDependent = verdict(family("2026-12-01", sponsor,
        "{ \"relationship\": \"CHILD\", \"birthDate\": \"2007-05-10\", \"location\": \"ABROAD\", \"dependent\": false }"));

    assertThat(v.get("outcome").asText()).isEqualTo("NEEDS_REVIEW");
    assertThat(v.get("legalBasis").asText()).isEqualTo("art. 40ter loi du 15.12.1980");
    assertThat(v.get("regime").asText()).isEqualTo("FR-2016");
    assertThat(finding(v, "RELATIONSHIP")).isEqualTo("UNKNOWN");
    assertThat(v.at("/findings/1/message").asText()).contains("19 ans").contains("à charge");
    assertThat(notDependent.get("outcome").asText()).isEqualTo("NOT_ELIGIBLE");
  }

  @Test
  void a_subsidiary_protection_holder_recognised_on_17_august_2025_keeps_the_fr_2016_exemption() throws Exception {
    String sponsor = "{ \"kind\": \"SUBSIDIARY_PROTECTION\", \"residence\": \"UNLIMITED\", \"statusGrantedOn\": \"2025-08-17\","
        + " \"householdSize\": 2 }";
    String spouse = "{ \"relationship\": \"SPOUSE\", \"birthDate\": \"1990-01-01\", \"relationshipBeforeSponsorArrival\": true,"
        + " \"location\": \"ABROAD\" }";

    JsonNode lastDay = verdict(family("2026-08-17", sponsor, spouse));
    JsonNode dayAfter = verdict(family("2026-08-18", sponsor, spouse));
    JsonNode recognisedADayLater = verdict(family("2026-08-17", sponsor.replace("2025-08-17", "2025-08-18"), spouse));

    assertThat(lastDay.get("regime").asText()).isEqualTo("FR-2016");
    assertThat(lastDay.get("legalBasis").asText()).isEqualTo("art. 10 loi du 15.12.1980");
    assertThat(lastDay.get("outcome").asText()).isEqualTo("ELIGIBLE");
    assertThat(finding(lastDay, "SPONSOR_INCOME")).isEqualTo("NOT_APPLICABLE");
    assertThat(finding(lastDay, "WAITING_PERIOD")).isEqualTo("NOT_APPLICABLE");
    assertThat(dayAfter.get("outcome").asText()).isEqualTo("NEEDS_REVIEW");
    assertThat(finding(dayAfter, "SPONSOR_INCOME")).isEqualTo("UNKNOWN");
    assertThat(recognisedADayLater.get("regime").asText()).isEqualTo("FR-2025");
    assertThat(recognisedADayLater.get("outcome").asText()).isEqualTo("NOT_ELIGIBLE");
    assertThat(recognisedADayLater.at("/findings/3/details/metFrom").asText()).isEqualTo("2027-08-18");
  }

  @Test
  void legal_staff_see_the_values_in_force_with_their_source_and_what_is_to_confirm() throws Exception {
    var response = Api.as(rest, "demo-legal").get("/api/rules/parameters?on=2026-12-01");
    var bySupervisor = Api.as(rest, "demo-supervisor").get("/api/rules/parameters");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(bySupervisor.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode list = mapper.readTree(response.getBody());
    JsonNode rmmmg = null;
    JsonNode fr2025 = null;
    JsonNode visaFee = null;
    for (JsonNode p : list) {
      assertThat(p.get("source").asText()).as(p.toString()).isNotBlank();
      assertThat(p.get("legalBasis").asText()).as(p.toString()).isNotBlank();
      if (p.get("code").asText().equals("RMMMG")) {
        rmmmg = p;
      } else if (p.get("code").asText().equals("INCOME_THRESHOLD") && p.get("regime").asText().equals("FR-2025")) {
        fr2025 = p;
      } else if (p.get("code").asText().equals("VISA_C_FEE")) {
        visaFee = p;
      }
    }
    assertThat(rmmmg.get("value").asText()).isEqualTo("2189.83");
    assertThat(rmmmg.get("validFrom").asText()).isEqualTo("2026-04-01");
    assertThat(rmmmg.get("toConfirm").asBoolean()).isTrue();
    assertThat(rmmmg.get("procedure").asText()).isEqualTo("family-reunification");
    assertThat(fr2025.get("derived").asBoolean()).isTrue();
    assertThat(fr2025.get("value").asText()).isEqualTo("2408.81");
    assertThat(fr2025.get("base").asText()).isEqualTo("RMMMG");
    assertThat(fr2025.get("toConfirm").asBoolean()).isTrue();
    assertThat(visaFee.get("value").asText()).isEqualTo("90.00");
    assertThat(visaFee.get("toConfirm").asBoolean()).isFalse();
    assertThat(Api.as(rest, "demo-caseworker").get("/api/rules/parameters").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(rest, "demo-legal").get("/api/rules/parameters?on=2026-13-01").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  static final String NATIONALITY = """
      { "referenceDate": "2025-09-15", "feePaidOn": "2025-07-28",
        "person": { "birthDate": "1985-06-14", "bornInBelgium": false, "livedInBelgiumSinceBirth": false,
          "residenceCard": "B", "legalStaySince": "2021-02-01", "languageLevel": "A2",
          "socialIntegration": "FIVE_YEARS_WORK", "daysWorkedLast5Years": 310, "selfEmployedQuarters": 0,
          "marriedToBelgianCohabitingYears": 0, "parentOfMinorBelgian": false, "disabilityOrPension": false,
          "communityParticipation": false } }
      """;

  @Test
  void nationality_names_the_paths_the_fee_by_payment_date_and_the_days_missing() throws Exception {
    var response = Api.as(rest, "demo-caseworker").post("/api/eligibility/nationality", NATIONALITY);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode v = mapper.readTree(response.getBody());
    assertThat(v.get("procedure").asText()).isEqualTo("nationality");
    assertThat(v.get("outcome").asText()).isEqualTo("NOT_ELIGIBLE");
    assertThat(v.get("paths")).isEmpty();
    assertThat(v.get("fee").decimalValue()).isEqualByComparingTo("150");
    assertThat(v.get("findings")).hasSize(7);
    assertThat(v.at("/findings/5/criterion").asText()).isEqualTo("ECONOMIC_PARTICIPATION");
    assertThat(v.at("/findings/5/details/daysMissing").asInt()).isEqualTo(158);
    assertThat(v.get("nearestPath").asText()).isEqualTo("12bis-1-2");

    String eligible = NATIONALITY.replace("\"daysWorkedLast5Years\": 310", "\"daysWorkedLast5Years\": 468")
        .replace("2021-02-01", "2020-09-15");
    JsonNode ok = mapper.readTree(Api.as(rest, "demo-legal").post("/api/eligibility/nationality", eligible).getBody());
    assertThat(ok.get("outcome").asText()).isEqualTo("ELIGIBLE");
    assertThat(ok.get("paths").toString()).isEqualTo("[\"12bis-1-2\"]");
  }

  @Test
  void visa_gives_fee_and_decision_deadline() throws Exception {
    String body = """
        { "referenceDate": "2024-06-11", "visaType": "C", "purpose": "FAMILY_VISIT",
          "applicant": { "birthDate": "1952-04-18", "nationality": "SN" } }
        """;
    var response = Api.as(rest, "demo-caseworker").post("/api/eligibility/visa", body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode v = mapper.readTree(response.getBody());
    assertThat(v.get("outcome").asText()).isEqualTo("ELIGIBLE");
    assertThat(v.get("fee").decimalValue()).isEqualByComparingTo("90");
    assertThat(v.get("decisionDeadlineDays").asInt()).isEqualTo(15);
    assertThat(v.get("requiredDocuments").toString()).contains("PASSPORT");
  }

  @Test
  void nationality_and_visa_bad_input_gets_400_never_5xx() {
    var caseworker = Api.as(rest, "demo-caseworker");

    assertThat(caseworker.post("/api/eligibility/nationality", NATIONALITY.replace("\"B\"", "\"Z\"")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(caseworker.post("/api/eligibility/nationality", NATIONALITY.replace("310", "-1")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(caseworker.post("/api/eligibility/nationality", NATIONALITY.replace("1985-06-14", "1985-13-14"))
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(caseworker.post("/api/eligibility/nationality", "{\"referenceDate\": \"2025-09-15\"}").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(caseworker.post("/api/eligibility/nationality", "{").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(caseworker.post("/api/eligibility/visa",
        "{\"referenceDate\": \"2025-09-15\", \"visaType\": \"X\", \"purpose\": \"TOURISM\", \"applicant\": {}}")
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(caseworker.post("/api/eligibility/visa",
        "{\"referenceDate\": \"2025-09-15\", \"visaType\": \"C\", \"purpose\": \"TOURISM\"}")
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.as(rest, "demo-reception").post("/api/eligibility/visa",
        "{\"referenceDate\": \"2025-09-15\", \"visaType\": \"C\", \"purpose\": \"TOURISM\", \"applicant\": {}}")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void visa_with_unknown_applicant_is_reviewed_not_refused() throws Exception {
    var response = Api.as(rest, "demo-caseworker").post("/api/eligibility/visa",
        "{\"referenceDate\": \"2025-09-15\", \"visaType\": \"C\", \"purpose\": \"TOURISM\", \"applicant\": {}}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(mapper.readTree(response.getBody()).get("outcome").asText()).isEqualTo("NEEDS_REVIEW");
  }
}
