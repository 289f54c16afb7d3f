package be.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Finding 6 of the secrecy review: bad input gave 500, 409 "retry" for ever, or corrupted dates. */
@ParcoursSpringTest
class InputHardeningTest {

  @Autowired
  TestRestTemplate rest;

  static String dossier(String lastName, String birthDate, String extra) {
    return """
        {"procedure":"family-reunification",
         "beneficiary":{"firstName":"Amina","lastName":"%s","birthDate":"%s","nationality":"MA"},
         "referenceDate":"2025-09-15",
         "sponsor":{"kind":"THIRD_COUNTRY_NATIONAL","residence":"UNLIMITED","statusGrantedOn":"2025-09-01",
                    "monthlyNetIncome":2400.00,"incomeKinds":["EMPLOYMENT"],"adequateHousing":true,
                    "healthInsurance":true,"householdSize":2},
         "applicant":{"relationship":"SPOUSE","birthDate":"1996-04-02","relationshipStartedOn":"2021-06-12",
                      "relationshipBeforeSponsorArrival":true,"location":"ABROAD"}%s}
        """.formatted(lastName, birthDate, extra);
  }

  @Test
  void page_times_size_overflow_is_400_not_500() {
    var r = Api.as(rest, "demo-supervisor").get("/api/dossiers?page=107374183&size=20");
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getBody()).contains("\"field\":\"page\"");
    assertThat(Api.as(rest, "demo-supervisor").get("/api/dossiers?page=107374183").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.as(rest, "demo-supervisor").get("/api/dossiers?page=2&size=20").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void dates_outside_1900_2100_are_400_in_query_parameters_and_bodies() {
    var report = Api.as(rest, "demo-supervisor").get("/api/reports/activity?from=-999999999-01-01&to=2026-01-01");
    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(report.getBody()).contains("\"field\":\"from\"");
    var far = Api.as(rest, "demo-caseworker").post("/api/dossiers", dossier("Futur", "+999999999-12-31", ""));
    assertThat(far.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(far.getBody()).contains("\"field\":\"beneficiary.birthDate\"");
    assertThat(Api.as(rest, "demo-caseworker").post("/api/dossiers", dossier("Ancien", "1899-12-31", ""))
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.as(rest, "demo-caseworker").post("/api/dossiers", dossier("Correct", "1900-01-01", ""))
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void nul_and_control_characters_are_400_but_line_breaks_in_notes_are_accepted() {
    var nul = Api.as(rest, "demo-caseworker").post("/api/dossiers", dossier("Nul\\u0000", "1990-01-01", ""));
    assertThat(nul.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(nul.getBody()).contains("\"field\":\"beneficiary.lastName\"");
    assertThat(Api.as(rest, "demo-caseworker").post("/api/dossiers", dossier("Bell\\u0007", "1990-01-01", ""))
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.as(rest, "demo-caseworker").get("/api/dossiers?q=a%00b").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    var created = Api.as(rest, "demo-caseworker").post("/api/dossiers", dossier("Lignes", "1990-01-01", ""));
    String id = created.getBody().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
    var note = Api.as(rest, "demo-caseworker").post("/api/dossiers/" + id + "/interventions",
        "{\"type\":\"PHONE\",\"date\":\"2025-09-15\",\"minutes\":5,\"note\":\"ligne 1\\nligne 2\\tfin\"}");
    assertThat(note.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void a_json_body_over_one_megabyte_is_413() {
    String big = "x".repeat(1024 * 1024);
    var r = Api.as(rest, "demo-caseworker").post("/api/dossiers", dossier(big, "1990-01-01", ""));
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(Api.as(rest, "demo-caseworker").post("/engine-rest/task", "{\"name\":\"" + big + "\"}").getStatusCode())
        .isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
  }

  @Test
  void collections_are_bounded() {
    String member = "{\"firstName\":\"E\",\"lastName\":\"F\",\"relationship\":\"CHILD\"}";
    String fifty = ",\"familyMembers\":[" + String.join(",", java.util.Collections.nCopies(50, member)) + "]";
    String fiftyOne = ",\"familyMembers\":[" + String.join(",", java.util.Collections.nCopies(51, member)) + "]";
    var refused = Api.as(rest, "demo-caseworker").post("/api/dossiers", dossier("Grande", "1990-01-01", fiftyOne));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("\"field\":\"familyMembers\"");
    assertThat(Api.as(rest, "demo-caseworker").post("/api/dossiers", dossier("Famille", "1990-01-01", fifty))
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void huge_numbers_are_400() {
    var r = Api.as(rest, "demo-caseworker").post("/api/eligibility/family-reunification",
        "{\"referenceDate\":\"2025-09-15\",\"sponsor\":{\"monthlyNetIncome\":1e999999999}}");
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getBody()).contains("sponsor.monthlyNetIncome");
  }

  @Test
  void the_guard_knows_dates_and_control_characters() {
    assertThat(InputGuardFilter.hasControl("a\tb", true)).isFalse();
    assertThat(InputGuardFilter.hasControl("a\tb", false)).isTrue();
    assertThat(InputGuardFilter.hasControl("a\u0085b", true)).isTrue();
    assertThat(InputGuardFilter.hasControl("Élodie Dupré", false)).isFalse();
  }
}
