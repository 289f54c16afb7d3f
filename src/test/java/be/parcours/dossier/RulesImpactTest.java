package be.parcours.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.dossier.DossierService;
import be.parcours.dossier.RecordedVerdict;
import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** POST /api/rules/impact lists the open dossiers whose outcome the rules directory would change. */
@ParcoursSpringTest
class RulesImpactTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  DossierService dossiers;

  @Test
  void a_dossier_whose_stored_outcome_differs_from_the_rules_is_listed_and_nothing_changes() throws Exception {
    String body = """
        {"procedure":"family-reunification","referenceDate":"2025-09-15",
         "beneficiary":{"firstName":"Impact","lastName":"Probe"},
         "sponsor":{"kind":"THIRD_COUNTRY_NATIONAL","residence":"UNLIMITED","statusGrantedOn":"2025-09-01",
                    "monthlyNetIncome":2400.00,"incomeKinds":["EMPLOYMENT"],"adequateHousing":true,
                    "healthInsurance":true,"householdSize":2},
         "applicant":{"relationship":"SPOUSE","birthDate":"1996-04-02","relationshipBeforeSponsorArrival":true,
                      "location":"ABROAD"}}
        """;
    long id = mapper.readTree(Api.as(rest, "demo-caseworker").post("/api/dossiers", body).getBody()).get("id").asLong();
    // the outcome stored under an older reading of the law
    dossiers.recordVerdict(id, new RecordedVerdict(LocalDate.parse("2025-09-15"), "FR-2025", "NEEDS_REVIEW",
        "old#0000000", "{}", List.of()));

    var response = Api.as(rest, "demo-legal").post("/api/rules/impact", null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode impact = mapper.readTree(response.getBody());
    assertThat(impact.get("examined").asInt()).isPositive();
    assertThat(impact.get("affected").toString()).contains("\"dossierId\":" + id)
        .contains("\"currentOutcome\":\"NEEDS_REVIEW\"").contains("\"candidateOutcome\":\"ELIGIBLE\"");
    assertThat(dossiers.lastOutcome(id)).isEqualTo("NEEDS_REVIEW");
    assertThat(Api.as(rest, "demo-caseworker").post("/api/rules/impact", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }
}
