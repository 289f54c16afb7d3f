package be.parcours.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The activity report on a known data set across period boundaries (2020 beside 2019): an
 * intervention on 31 December vs 1 January, a person with two dossiers, dossiers opened before the
 * period, closed before it, opened on its last day and after it; a registrar's POSITIVE answer that is no outcome, the
 * same outcome recorded twice. Every figure is pinned, in JSON, CSV and XLSX, for supervisors
 * (exact) and for funders (masked).
 */
@ParcoursSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityReportTest {

  static final String REPORT = "/api/reports/activity?from=2020-01-01&to=2020-12-31";

  /** section.key | current | previous | change % — exact figures (supervisors). */
  static final String INTERNAL = """
      people.accompanied|7|4|75.0
      people.new|3|2|50.0
      people.continuing|4|2|100.0
      people.informed|15|8|87.5
      sessions.total|2|1|100.0
      sessions.INFO_SESSION_FAMILY_REUNIFICATION|1|0|
      sessions.VISA_WORKSHOP|1|1|0.0
      sessions.CITIZENSHIP|0|0|
      sessions.OTHER|0|0|
      sessionParticipants.INFO_SESSION_FAMILY_REUNIFICATION|12|0|
      sessionParticipants.VISA_WORKSHOP|3|8|-62.5
      sessionParticipants.CITIZENSHIP|0|0|
      sessionParticipants.OTHER|0|0|
      interventions.total|7|2|250.0
      interventions.minutes|180|45|300.0
      interventionsByType.INTERVIEW|1|2|-50.0
      interventionsByType.PHONE|2|0|
      interventionsByType.LETTER_EMAIL|1|0|
      interventionsByType.EXTERNAL_VISIT|1|0|
      interventionsByType.APPOINTMENT|1|0|
      interventionsByType.ADMIN_STEP|1|0|
      interventionsByType.INFO_SESSION|0|0|
      interventionsByProcedure.family-reunification|3|2|50.0
      interventionsByProcedure.visa|2|0|
      interventionsByProcedure.nationality|2|0|
      interventionsByCaseworker.demo-caseworker|1|0|
      interventionsByCaseworker.rpt-anne|3|2|50.0
      interventionsByCaseworker.rpt-marc|3|0|
      outcomes.VISA_OBTAINED|1|0|
      outcomes.REUNIFICATION_GRANTED|1|0|
      outcomes.NATIONALITY_ACQUIRED|1|0|
      outcomes.REFUSAL|1|1|0.0
      outcomes.APPEAL|1|0|
      proceduresEnded.family-reunification|2|1|100.0
      proceduresEnded.visa|2|0|
      proceduresEnded.nationality|1|0|
      proceduresEnded.all|5|1|400.0
      medianDurationDays.family-reunification|309.0|487.0|-36.6
      medianDurationDays.visa|45.5||
      medianDurationDays.nationality|1347.0||
      medianDurationDays.all|146.0|487.0|-70.0
      """;

  /** The same for funders: groups of 1 to 4 are "< 5", medians of fewer than 5 dossiers hidden, no caseworkers. */
  static final String FUNDER = """
      people.accompanied|7|< 5|
      people.new|< 5|< 5|
      people.continuing|< 5|< 5|
      people.informed|15|8|87.5
      sessions.total|< 5|< 5|
      sessions.INFO_SESSION_FAMILY_REUNIFICATION|< 5|0|
      sessions.VISA_WORKSHOP|< 5|< 5|
      sessions.CITIZENSHIP|0|0|
      sessions.OTHER|0|0|
      sessionParticipants.INFO_SESSION_FAMILY_REUNIFICATION|12|0|
      sessionParticipants.VISA_WORKSHOP|< 5|8|
      sessionParticipants.CITIZENSHIP|0|0|
      sessionParticipants.OTHER|0|0|
      interventions.total|7|< 5|
      interventions.minutes|180||
      interventionsByType.INTERVIEW|< 5|< 5|
      interventionsByType.PHONE|< 5|0|
      interventionsByType.LETTER_EMAIL|< 5|0|
      interventionsByType.EXTERNAL_VISIT|< 5|0|
      interventionsByType.APPOINTMENT|< 5|0|
      interventionsByType.ADMIN_STEP|< 5|0|
      interventionsByType.INFO_SESSION|0|0|
      interventionsByProcedure.family-reunification|< 5|< 5|
      interventionsByProcedure.visa|< 5|0|
      interventionsByProcedure.nationality|< 5|0|
      outcomes.VISA_OBTAINED|< 5|0|
      outcomes.REUNIFICATION_GRANTED|< 5|0|
      outcomes.NATIONALITY_ACQUIRED|< 5|0|
      outcomes.REFUSAL|< 5|< 5|
      outcomes.APPEAL|< 5|0|
      proceduresEnded.family-reunification|< 5|< 5|
      proceduresEnded.visa|< 5|0|
      proceduresEnded.nationality|< 5|0|
      proceduresEnded.all|5|< 5|
      medianDurationDays.family-reunification|||
      medianDurationDays.visa|||
      medianDurationDays.nationality|||
      medianDurationDays.all|146.0||
      """;

  /** month | interventions | previous month | interventions. */
  static final String MONTHS = """
      2020-01|1|2019-01|0
      2020-02|1|2019-02|0
      2020-03|2|2019-03|0
      2020-04|0|2019-04|0
      2020-05|1|2019-05|1
      2020-06|1|2019-06|0
      2020-07|0|2019-07|0
      2020-08|0|2019-08|0
      2020-09|0|2019-09|0
      2020-10|0|2019-10|0
      2020-11|0|2019-11|0
      2020-12|1|2019-12|1
      """;

  static final String SECRET_NAMES = "Zénobie-Rapport";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ReportingService reporting;
  @Autowired
  ObjectMapper mapper;

  @BeforeAll
  void knownDataSet() {
    new ActivityDataSet(jdbc, reporting, rest).build();
  }

  // ---- the figures ------------------------------------------------------------------------------

  @Test
  void json_gives_every_exact_figure_beside_the_previous_period() throws Exception {
    ResponseEntity<String> response = supervisor().get(REPORT);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = mapper.readTree(response.getBody());
    assertThat(body.at("/period/from").asText()).isEqualTo("2020-01-01");
    assertThat(body.at("/period/to").asText()).isEqualTo("2020-12-31");
    assertThat(body.at("/previousPeriod/from").asText()).isEqualTo("2019-01-01");
    assertThat(body.at("/previousPeriod/to").asText()).isEqualTo("2019-12-31");
    assertThat(body.at("/audience").asText()).isEqualTo("internal");
    assertThat(jsonFigures(body)).isEqualTo(expected(INTERNAL));
    assertThat(jsonMonths(body)).isEqualTo(MONTHS.strip().lines().toList());
    assertThat(body.at("/figures/people/accompanied/label").asText()).isEqualTo("Personnes accompagnées");
    assertThat(response.getBody()).doesNotContain(SECRET_NAMES);
  }

  @Test
  void json_for_funders_masks_small_groups() throws Exception {
    JsonNode body = mapper.readTree(supervisor().get(REPORT + "&audience=funder").getBody());

    assertThat(body.at("/audience").asText()).isEqualTo("funder");
    assertThat(jsonFigures(body)).isEqualTo(expected(FUNDER));
    assertThat(body.at("/figures/interventionsByCaseworker").isMissingNode()).isTrue();
    assertThat(body.at("/months/0/interventions").asText()).isEqualTo("< 5");
    assertThat(body.at("/months/3/interventions").asInt()).isZero();
  }

  @Test
  void csv_export_is_for_funders_by_default_and_exact_on_request() {
    ResponseEntity<String> funder = supervisor().get(REPORT + "&format=csv");
    assertThat(funder.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(funder.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(funder.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("activite-2020-01-01-2020-12-31-financeurs.csv");
    List<List<String>> rows = csv(funder.getBody());
    assertThat(String.join(",", rows.get(0))).isEqualTo(ReportTable.CSV_HEADER);
    assertThat(rows.get(1)).containsExactly("period", "dates", "Période", "2020-01-01/2020-12-31",
        "2019-01-01/2019-12-31", "");
    assertThat(csvFigures(rows)).isEqualTo(expected(FUNDER));
    assertThat(rows).filteredOn(r -> r.get(0).equals("interventionsPerMonth")).extracting(r -> r.get(1) + "|"
        + r.get(3) + "|" + r.get(4)).startsWith("2020-01|< 5|0", "2020-02|< 5|0", "2020-03|< 5|0");
    assertThat(funder.getBody()).doesNotContain(SECRET_NAMES).doesNotContain("rpt-anne");

    HttpHeaders acceptCsv = new HttpHeaders();
    acceptCsv.set(HttpHeaders.ACCEPT, "text/csv");
    List<List<String>> internal = csv(supervisor().get(REPORT + "&audience=internal", acceptCsv).getBody());
    assertThat(csvFigures(internal)).isEqualTo(expected(INTERNAL));
    assertThat(internal).filteredOn(r -> r.get(0).equals("interventionsPerMonth")).extracting(r -> r.get(1) + "|"
        + r.get(3) + "|" + r.get(4)).containsExactlyElementsOf(MONTHS.strip().lines()
        .map(l -> l.split("\\|")).map(p -> p[0] + "|" + p[1] + "|" + p[3]).toList());
  }

  @Test
  void xlsx_export_reads_back_with_the_same_figures() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("demo-supervisor", "demo");
    var funder = rest.exchange(java.net.URI.create(rest.getRootUri() + REPORT + "&format=xlsx"), HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(headers), byte[].class);
    assertThat(funder.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(funder.getHeaders().getContentType()).isEqualTo(ActivityReportController.XLSX);
    assertThat(xlsxFigures(funder.getBody())).isEqualTo(expected(FUNDER));

    var internal = rest.exchange(java.net.URI.create(rest.getRootUri() + REPORT + "&format=xlsx&audience=internal"),
        HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers), byte[].class);
    assertThat(xlsxFigures(internal.getBody())).isEqualTo(expected(INTERNAL));
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(internal.getBody()))) {
      Sheet months = workbook.getSheet(ReportTable.SHEET_MONTHS);
      List<String> lines = new ArrayList<>();
      for (int r = 1; r <= months.getLastRowNum(); r++) {
        var row = months.getRow(r);
        lines.add(text(row.getCell(0)) + "|" + text(row.getCell(1)) + "|" + text(row.getCell(2)) + "|"
            + text(row.getCell(3)));
      }
      assertThat(lines).isEqualTo(MONTHS.strip().lines().toList());
      assertThat(workbook.getSheet(ReportTable.SHEET_FIGURES).getRow(0).getCell(3).getStringCellValue())
          .isEqualTo("Période 2020-01-01/2020-12-31");
    }
  }

  @Test
  void a_period_of_one_day_counts_the_boundary_day_only() throws Exception {
    JsonNode body = mapper.readTree(supervisor().get("/api/reports/activity?from=2020-01-01&to=2020-01-01")
        .getBody());

    assertThat(body.at("/previousPeriod/from").asText()).isEqualTo("2019-12-31");
    assertThat(body.at("/figures/interventions/total/current").asInt()).isEqualTo(1); // A's call of 1 January
    assertThat(body.at("/figures/interventions/total/previous").asInt()).isEqualTo(1); // A's interview of 31 Dec
    assertThat(body.at("/figures/interventionsByType/PHONE/current").asInt()).isEqualTo(1);
    assertThat(body.at("/figures/interventionsByType/INTERVIEW/previous").asInt()).isEqualTo(1);
    assertThat(body.at("/figures/sessions/VISA_WORKSHOP/previous").asInt()).isEqualTo(1);
    // dossiers open on that day: A, F, G (C was closed in November 2019, H opened on the 10th)
    assertThat(body.at("/figures/people/accompanied/current").asInt()).isEqualTo(3);
  }

  // ---- sessions, outcomes, errors, access ---------------------------------------------------------

  @Test
  void sessions_are_listed_by_period_without_names() throws Exception {
    JsonNode list = mapper.readTree(Api.as(rest, "demo-caseworker").get("/api/sessions?from=2020-01-01&to=2020-12-31")
        .getBody());

    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("date").asText()).isEqualTo("2020-03-15");
    assertThat(list.get(0).get("kind").asText()).isEqualTo("INFO_SESSION_FAMILY_REUNIFICATION");
    assertThat(list.get(0).get("participants").asInt()).isEqualTo(12);
    assertThat(list.get(0).get("linkedBeneficiaries").asInt()).isEqualTo(2); // A, and B once (by dossier and by id)
    assertThat(list.get(0).get("by").asText()).isEqualTo("demo-reception");
    assertThat(list.get(1).get("kind").asText()).isEqualTo("VISA_WORKSHOP");
  }

  @Test
  void bad_session_input_is_refused() {
    var caseworker = Api.as(rest, "demo-caseworker");
    assertThat(caseworker.post("/api/sessions", "{\"date\":\"2020-01-01\",\"kind\":\"VISA_WORKSHOP\","
        + "\"participants\":0}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(caseworker.post("/api/sessions", "{\"date\":\"2020-01-01\",\"kind\":\"PICNIC\","
        + "\"participants\":3}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(caseworker.post("/api/sessions", "{\"date\":\"2999-01-01\",\"kind\":\"OTHER\","
        + "\"participants\":3}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(caseworker.post("/api/sessions", "{\"date\":\"2020-01-01\",\"kind\":\"OTHER\","
        + "\"participants\":3,\"dossierIds\":[987654321]}").getStatusCode())
        .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(Api.as(rest, "demo-legal").post("/api/sessions", "{\"date\":\"2020-01-01\",\"kind\":\"OTHER\","
        + "\"participants\":3}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void bad_report_requests_are_400_and_the_report_is_for_supervisors_only() throws Exception {
    var supervisor = supervisor();
    ResponseEntity<String> reversed = supervisor.get("/api/reports/activity?from=2020-12-31&to=2020-01-01");
    assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(mapper.readTree(reversed.getBody()).get("field").asText()).isEqualTo("from");
    assertThat(supervisor.get("/api/reports/activity?from=2020-02-30&to=2020-12-31").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(supervisor.get("/api/reports/activity?from=2020-01-01").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(supervisor.get(REPORT + "&format=pdf").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(supervisor.get(REPORT + "&audience=press").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.as(rest, "demo-caseworker").get(REPORT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.anonymous(rest).get(REPORT).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(Api.as(rest, "demo-admin").get(REPORT).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void the_report_page_is_served_without_data_which_stays_behind_the_api() {
    // the page's code only: opened from Cockpit it reads the figures with the Cockpit session
    ResponseEntity<String> page = Api.anonymous(rest).get("/reports/activity.html");
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).doesNotContain(SECRET_NAMES);
    // anything else under /reports is a page: an anonymous visitor is sent to the login page, never served data
    ResponseEntity<String> other = Api.anonymous(rest).get("/reports/");
    assertThat(other.getStatusCode() == HttpStatus.UNAUTHORIZED
        || other.getBody() != null && other.getBody().contains("type=\"password\"")).as(other.getBody()).isTrue();
    assertThat(other.getBody()).doesNotContain(SECRET_NAMES);
    assertThat(Api.anonymous(rest).post("/reports/activity.html", "{}").getStatusCode().value()).isIn(302, 401, 403);
    assertThat(page.getBody()).contains("Rapport d'activité").contains("activity.js");
    assertThat(supervisor().get("/reports/activity.js").getBody()).contains("/api/reports/activity");
  }

  // ---- data set helpers ----------------------------------------------------------------------------

  private Api supervisor() {
    return Api.as(rest, "demo-supervisor");
  }

  // ---- reading the three formats as "section.key|current|previous|change" ------------------------------

  static List<String> expected(String table) {
    return table.strip().lines().map(l -> normalize(l.split("\\|", -1))).toList();
  }

  static String normalize(String... cells) {
    StringBuilder s = new StringBuilder(cells[0]);
    for (int i = 1; i < cells.length; i++) {
      s.append('|').append(number(cells[i]));
    }
    return s.toString();
  }

  /** Numbers compare by value (7 = 7.0), text as it is. */
  static String number(String cell) {
    if (cell == null) {
      return "";
    }
    try {
      BigDecimal d = new BigDecimal(cell.strip());
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return cell;
    }
  }

  static List<String> jsonFigures(JsonNode body) {
    List<String> result = new ArrayList<>();
    body.get("figures").fields().forEachRemaining(section -> section.getValue().fields().forEachRemaining(f ->
        result.add(normalize(section.getKey() + "." + f.getKey(), jsonText(f.getValue().get("current")),
            jsonText(f.getValue().get("previous")), jsonText(f.getValue().get("changePercent"))))));
    return result;
  }

  static String jsonText(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asText();
  }

  static List<String> jsonMonths(JsonNode body) {
    List<String> result = new ArrayList<>();
    body.get("months").forEach(m -> result.add(m.get("month").asText() + "|" + m.get("interventions").asText() + "|"
        + m.get("previousMonth").asText() + "|" + m.get("previousInterventions").asText()));
    return result;
  }

  static List<List<String>> csv(String body) {
    assertThat(body).startsWith("\uFEFF");
    List<List<String>> rows = new ArrayList<>();
    for (String line : body.substring(1).split("\r\n")) {
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i);
        if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = !quoted;
        } else if (ch == ',' && !quoted) {
          cells.add(cell.toString());
          cell.setLength(0);
        } else {
          cell.append(ch);
        }
      }
      cells.add(cell.toString());
      rows.add(cells);
    }
    return rows;
  }

  static List<String> csvFigures(List<List<String>> rows) {
    return rows.stream().skip(2).filter(r -> !r.get(0).equals("interventionsPerMonth"))
        .map(r -> normalize(r.get(0) + "." + r.get(1), r.get(3), r.get(4), r.get(5))).toList();
  }

  static List<String> xlsxFigures(byte[] bytes) throws Exception {
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sheet = workbook.getSheet(ReportTable.SHEET_FIGURES);
      List<String> result = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        var row = sheet.getRow(r);
        result.add(normalize(text(row.getCell(0)) + "." + text(row.getCell(1)), text(row.getCell(3)),
            text(row.getCell(4)), text(row.getCell(5))));
      }
      for (var each : workbook) {
        each.forEach(row -> row.forEach(cell -> assertThat(text(cell)).doesNotContain(SECRET_NAMES)));
      }
      return result;
    }
  }

  static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    if (cell.getCellType() == CellType.NUMERIC) {
      return number(BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString());
    }
    return cell.getStringCellValue();
  }
}
