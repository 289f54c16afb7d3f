package be.parcours.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@ParcoursSpringTest
class AlertsApiTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  AlertService alerts;
  @Autowired
  AlertProcessFlags flags;
  @Autowired
  TaskService tasks;
  @Autowired
  org.camunda.bpm.engine.FilterService filters;

  /** A child who turns 18 in 30 days, joining a third-country national, opened today. */
  long openChildDossier(LocalDate eighteenOn) throws Exception {
    String body = """
        {"procedure":"family-reunification",
         "beneficiary":{"firstName":"Yasmine","lastName":"Alerte","birthDate":"%s","nationality":"MA"},
         "sponsor":{"kind":"THIRD_COUNTRY_NATIONAL","residence":"UNLIMITED","statusGrantedOn":"2019-05-02",
                    "monthlyNetIncome":2600.00,"incomeKinds":["EMPLOYMENT"],"adequateHousing":true,
                    "healthInsurance":true,"householdSize":3},
         "applicant":{"relationship":"CHILD","birthDate":"%s","location":"ABROAD"}}
        """.formatted(eighteenOn.minusYears(18), eighteenOn.minusYears(18));
    var created = Api.as(rest, "demo-caseworker").post("/api/dossiers", body);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return mapper.readTree(created.getBody()).get("id").asLong();
  }

  @Test
  void a_child_coming_of_age_in_30_days_is_an_urgent_alert_for_the_referent_and_the_supervisors() throws Exception {
    LocalDate eighteen = LocalDate.now().plusDays(30);
    long id = openChildDossier(eighteen);

    var response = Api.as(rest, "demo-caseworker").get("/api/alerts?within=90");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode list = mapper.readTree(response.getBody());
    JsonNode alert = null;
    LocalDate previous = LocalDate.MIN;
    for (JsonNode a : list) {
      LocalDate day = LocalDate.parse(a.get("date").asText());
      assertThat(day).as("soonest first").isAfterOrEqualTo(previous);
      previous = day;
      if (a.get("dossierId").asLong() == id && a.get("kind").asText().equals("CHILD_COMES_OF_AGE")) {
        alert = a;
      }
    }
    assertThat(alert).as(list.toString()).isNotNull();
    assertThat(alert.get("reference").asText()).startsWith("RF-");
    assertThat(alert.get("date").asText()).isEqualTo(eighteen.toString());
    assertThat(alert.get("urgent").asBoolean()).isTrue();
    assertThat(alert.get("message").asText()).isEqualTo("Urgent : L'enfant atteint 18 ans le "
        + eighteen.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
        + " : au-delà, il ne peut plus être regroupé (art. 10 §1 4° loi du 15.12.1980)");

    assertThat(Api.as(rest, "demo-supervisor").get("/api/alerts").getBody()).contains("\"dossierId\":" + id);
    assertThat(mapper.readTree(Api.as(rest, "demo-reception").get("/api/alerts").getBody())).isEmpty();
    assertThat(alerts.alertsFor("someone-else", Set.of("service-social"), 90, Locale.FRENCH))
        .noneMatch(a -> a.dossierId() == id);
    assertThat(Api.as(rest, "demo-caseworker").get("/api/alerts?within=10").getBody())
        .doesNotContain("\"dossierId\":" + id + ",\"reference\"");
  }

  @Test
  void the_tasks_of_a_dossier_with_an_alert_are_flagged_for_the_tasklist_filter() throws Exception {
    long id = openChildDossier(LocalDate.now().plusDays(20));
    String reference = mapper.readTree(Api.as(rest, "demo-caseworker").get("/api/dossiers/" + id).getBody())
        .get("reference").asText();

    assertThat(flags.refresh()).isPositive();

    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .processVariableValueEquals(AlertProcessFlags.VARIABLE, true).count()).isPositive();
    var filter = filters.createFilterQuery().filterName("Alertes").list().stream()
        .filter(f -> String.valueOf(f.getProperties().get("parcoursFilter")).equals("alertes:service-social")).findFirst()
        .orElseThrow();
    java.util.List<org.camunda.bpm.engine.task.Task> listed = filters.list(filter.getId());
    assertThat(listed).extracting(org.camunda.bpm.engine.task.Task::getProcessInstanceId)
        .anyMatch(pi -> tasks.createTaskQuery().processInstanceBusinessKey(reference).processInstanceId(pi).count() > 0);
  }

  @Test
  void bad_windows_get_400_and_anonymous_401() {
    assertThat(Api.as(rest, "demo-caseworker").get("/api/alerts?within=0").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.as(rest, "demo-caseworker").get("/api/alerts?within=abc").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rest.getForEntity("/api/alerts", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
