package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The workbench API: proposals compiled and checked, four eyes, dates, invalid → 422, identical
 * content no new version, spreadsheet habits (BOM, ';', decimal comma, XLSX), French errors with
 * row and column. Runs in order-independent steps on the shared context: each test leaves the
 * active content as it found it (an approved change is rolled back by content).
 */
@ParcoursSpringTest
class RulesWorkbenchApiTest {

  /** The indexed base amounts: the income thresholds are percentages of them (legal-parameters.drl.csv). */
  static final String TABLE = "family-reunification/base-amounts.drl.csv";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  RulesWorkbench workbench;
  @Autowired
  EligibilityService eligibility;

  private ResponseEntity<String> propose(String user, String path, byte[] content) {
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("path", path);
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return path.substring(path.lastIndexOf('/') + 1);
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.exchange(rest.getRootUri() + "/api/rules/proposals", HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  private String activeTable() {
    return Api.as(rest, "demo-legal").get("/api/rules/active/files/" + TABLE).getBody();
  }

  /** The active table as a Belgian spreadsheet saves it: ';', decimal commas, a BOM, CRLF. */
  private static byte[] belgianExcel(String csv) {
    StringBuilder sb = new StringBuilder("\uFEFF");
    for (RuleCsv.Row row : RuleCsv.parse(csv, ',')) {
      var cells = row.cells().stream().map(c -> c.matches("\\d+\\.\\d+") ? c.replace('.', ',') : c).toList();
      sb.append(RuleCsv.line(cells, ';')).append("\r\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void the_same_table_saved_by_a_belgian_spreadsheet_is_no_change() {
    String table = activeTable();

    var response = propose("demo-legal", TABLE, belgianExcel(table));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(response.getBody()).contains("Aucun changement");
  }

  @Test
  void a_value_with_a_decimal_comma_is_proposed_checked_and_approved_by_another_jurist_only() throws Exception {
    String before = eligibility.activeVersion();
    int versions = workbench.versions().size();
    String table = activeTable();
    // an indexation: the RMMMG in force is closed and a new amount (typed with a decimal comma) starts the next day;
    // no scenario reaches 2028, so the proposal is valid
    String changed = table.replace(",RMMMG,*,2026-04-01,,2189.83,", ",RMMMG,*,2026-04-01,2027-12-31,2189.83,")
        .stripTrailing() + "\n\"RMMMG au 1er janvier 2028 (indexation, à confirmer)\",RMMMG,*,2028-01-01,,2233.63,"
        + "CCT n° 43 du Conseil national du travail (RMMMG),https://www.cnt-nar.be,oui,oui,1000\n";
    assertThat(changed).isNotEqualTo(table).contains(",2027-12-31,2189.83,");

    var proposed = propose("demo-legal", TABLE, belgianExcel(changed));

    assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode p = mapper.readTree(proposed.getBody());
    assertThat(p.get("author").asText()).isEqualTo("demo-legal");
    assertThat(p.get("valid").asBoolean()).as(proposed.getBody()).isTrue();
    assertThat(p.get("changedFiles").toString()).isEqualTo("[\"" + TABLE + "\"]");
    assertThat(p.get("errors")).isEmpty();
    assertThat(p.get("failedScenarios")).isEmpty();
    assertThat(p.has("impact")).isTrue();
    assertThat(eligibility.activeVersion()).isEqualTo(before);
    long id = p.get("id").asLong();

    var self = Api.as(rest, "demo-legal").post("/api/rules/proposals/" + id + "/approve", "{}");
    var caseworker = Api.as(rest, "demo-caseworker").post("/api/rules/proposals/" + id + "/approve", "{}");
    var past = Api.as(rest, "demo-legal-2").post("/api/rules/proposals/" + id + "/approve",
        "{\"activateOn\":\"2020-01-01\"}");
    assertThat(self.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(self.getBody()).contains("FOUR_EYES");
    assertThat(caseworker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(past.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

    var approved = Api.as(rest, "demo-legal-2").post("/api/rules/proposals/" + id + "/approve", "{}");

    assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode a = mapper.readTree(approved.getBody());
    assertThat(a.get("status").asText()).isEqualTo("APPROVED");
    String version = a.get("version").asText();
    assertThat(eligibility.activeVersion()).isEqualTo(version).isNotEqualTo(before);
    assertThat(activeTable()).contains(",2027-12-31,2189.83,").contains(",2028-01-01,,2233.63,")
        .doesNotContain("2233,63").doesNotContain("2189,83");
    assertThat(workbench.versions()).hasSize(versions + 1);
    // the diff shows the row, the nodes serve the version, the audit names both jurists
    JsonNode diff = mapper.readTree(Api.as(rest, "demo-supervisor").get("/api/rules/versions/"
        + before.substring(before.indexOf('#') + 1) + "/diff/" + version.substring(version.indexOf('#') + 1)).getBody());
    assertThat(diff.get("files").get(0).get("path").asText()).isEqualTo(TABLE);
    assertThat(diff.get("files").get(0).get("rows").toString()).contains("2189.83").contains("2027-12-31").contains("2233.63")
        .contains("REMOVED").contains("ADDED");
    assertThat(Api.as(rest, "demo-legal").get("/api/rules/nodes").getBody()).contains(version);
    assertThat(Api.as(rest, "demo-legal").get("/api/rules/audit").getBody()).contains("demo-legal-2")
        .contains("APPROVE");

    // roll back: proposed by demo-legal-2, approved by demo-legal; the old content is the old version again
    var rollback = Api.as(rest, "demo-legal-2").post("/api/rules/versions/" + before.substring(before.indexOf('#') + 1)
        + "/reactivate", null);
    assertThat(rollback.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long rid = mapper.readTree(rollback.getBody()).get("id").asLong();
    assertThat(Api.as(rest, "demo-legal-2").post("/api/rules/proposals/" + rid + "/approve", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(rest, "demo-legal").post("/api/rules/proposals/" + rid + "/approve", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(eligibility.activeVersion()).isEqualTo(before);
    assertThat(workbench.versions()).hasSize(versions + 1);
  }

  @Test
  void a_wrong_cell_is_refused_in_french_with_row_and_column_and_cannot_be_approved() throws Exception {
    String table = activeTable();
    String broken = table.replaceFirst("(?m)^(RMMMG au 1er février 2025 \\(lecture du 18\\.08\\.2025\\),.*,oui,1000)$", "$1.5");
    assertThat(broken).isNotEqualTo(table);
    int line = 0;
    for (RuleCsv.Row r : RuleCsv.parse(broken, ',')) {
      if (r.raw().endsWith("1000.5")) {
        line = r.line();
      }
    }

    var proposed = propose("demo-legal", TABLE, belgianExcel(broken));

    assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode p = mapper.readTree(proposed.getBody());
    assertThat(p.get("valid").asBoolean()).isFalse();
    JsonNode error = p.get("errors").get(0);
    assertThat(error.get("file").asText()).isEqualTo(TABLE);
    assertThat(error.get("line").asInt()).isEqualTo(line);
    assertThat(error.get("column").asInt()).isEqualTo(11);
    assertThat(error.get("message").asText()).isEqualTo("Fichier " + TABLE + ", ligne " + line
        + ", colonne K (Priorité) : la priorité doit être un nombre entier (par exemple 1000), pas « 1000.5 »");
    var approve = Api.as(rest, "demo-legal-2").post("/api/rules/proposals/" + p.get("id").asLong() + "/approve", "{}");
    assertThat(approve.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    var reject = Api.as(rest, "demo-legal-2").post("/api/rules/proposals/" + p.get("id").asLong() + "/reject",
        "{\"reason\":\"priorité erronée\"}");
    assertThat(reject.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(mapper.readTree(reject.getBody()).get("status").asText()).isEqualTo("REJECTED");
  }

  @Test
  void an_xlsx_table_is_read_as_its_csv_and_a_date_approval_is_scheduled_for_midnight_in_brussels() throws Exception {
    String table = activeTable();
    byte[] xlsx;
    try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
      var sheet = wb.createSheet("Montants de base");
      int r = 0;
      for (RuleCsv.Row row : RuleCsv.parse(table, ',')) {
        var x = sheet.createRow(r++);
        for (int c = 0; c < row.cells().size(); c++) {
          String cell = row.cells().get(c);
          if (cell.equals("1741.29")) {
            x.createCell(c).setCellValue(1741.31); // a number cell, as a spreadsheet keeps it
          } else {
            x.createCell(c).setCellValue(cell);
          }
        }
      }
      wb.write(out);
      xlsx = out.toByteArray();
    }
    String before = eligibility.activeVersion();

    var proposed = propose("demo-legal", "family-reunification/base-amounts.drl.xlsx", xlsx);
    JsonNode p = mapper.readTree(proposed.getBody());
    assertThat(proposed.getStatusCode()).as(proposed.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(p.get("changedFiles").toString()).isEqualTo("[\"" + TABLE + "\"]");
    // RIS of 01.05.2024 1741.29 → 1741.31: the FR-2016 threshold (120 %) becomes 2089.57, so the scenario
    // "Seuil FR-2016 du 01.05.2024 atteint exactement" (2089.55) now fails: named, expected, actual
    assertThat(p.get("valid").asBoolean()).isFalse();
    assertThat(p.get("failedScenarios").toString()).contains("Seuil FR-2016 du 01.05.2024 atteint exactement")
        .contains("NEEDS_REVIEW");

    // a valid change approved for tomorrow is scheduled, not active
    var ok = propose("demo-legal", "scenarios/visa.csv", (Api.as(rest, "demo-legal")
        .get("/api/rules/active/files/scenarios/visa.csv").getBody() + "# une note des juristes\n")
        .getBytes(StandardCharsets.UTF_8));
    long id = mapper.readTree(ok.getBody()).get("id").asLong();
    LocalDate tomorrow = LocalDate.now(be.parcours.shared.TimeConfig.BRUSSELS).plusDays(1);
    var scheduled = Api.as(rest, "demo-legal-2").post("/api/rules/proposals/" + id + "/approve",
        "{\"activateOn\":\"" + tomorrow + "\"}");
    JsonNode s = mapper.readTree(scheduled.getBody());
    assertThat(s.get("status").asText()).isEqualTo("SCHEDULED");
    assertThat(s.get("effectiveAt").asText()).isEqualTo(tomorrow.atStartOfDay(be.parcours.shared.TimeConfig.BRUSSELS)
        .toInstant().toString());
    assertThat(eligibility.activeVersion()).isEqualTo(before);
    assertThat(Api.as(rest, "demo-legal").get("/api/rules/proposals?status=SCHEDULED").getBody())
        .contains("\"id\":" + id);
    // cancelled with a reason (the shared context must not change law tomorrow)
    var cancel = Api.as(rest, "demo-legal").post("/api/rules/proposals/" + id + "/reject",
        "{\"reason\":\"test terminé\"}");
    assertThat(mapper.readTree(cancel.getBody()).get("status").asText()).isEqualTo("REJECTED");
    workbench.sync();
    assertThat(eligibility.engine().timeline().upcoming()).isEmpty();
  }

  @Test
  void validate_says_which_folder_it_read_and_other_groups_are_refused() throws Exception {
    var validate = Api.as(rest, "demo-legal").post("/api/rules/validate", null);
    assertThat(validate.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(mapper.readTree(validate.getBody()).get("source").asText()).endsWith("rules");
    assertThat(Api.as(rest, "demo-caseworker").get("/api/rules/active/files").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(rest, "demo-supervisor").get("/api/rules/active/files").getBody()).contains(TABLE);
    assertThat(Api.as(rest, "demo-supervisor").post("/api/rules/import", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    var zip = Api.as(rest, "demo-legal").get("/api/rules/active/files?zip=true");
    assertThat(zip.getHeaders().getContentType().toString()).isEqualTo("application/zip");
    assertThat(Locale.FRENCH).isNotNull();
  }
}
