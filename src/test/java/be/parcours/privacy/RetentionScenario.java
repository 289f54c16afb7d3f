package be.parcours.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The GDPR story on whatever database the application runs on (H2 in {@code PrivacyTest},
 * PostgreSQL in {@code PrivacyPostgresIT}): a person's dossier with facts, a note, a scan, a
 * correction and procedure variables holding their name is exported, then closed more than five
 * years ago, listed by the dry run, anonymised, and nothing of the person is left in the API,
 * the search, the files or the engine's history — while the activity report's figures stay.
 */
final class RetentionScenario {

  record Person(long id, String reference, String lastName, String processInstanceId) {}

  private final TestRestTemplate rest;
  private final JdbcTemplate jdbc;
  private final RetentionService retention;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final ObjectMapper mapper;

  RetentionScenario(TestRestTemplate rest, JdbcTemplate jdbc, RetentionService retention, RuntimeService runtime,
      TaskService tasks, HistoryService history, ObjectMapper mapper) {
    this.rest = rest;
    this.jdbc = jdbc;
    this.retention = retention;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.mapper = mapper;
  }

  static String letters(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return sb.toString();
  }

  /** A family-reunification dossier opened by demo-caseworker (its referent) 7 years ago, with data everywhere. */
  Person personWithData() throws Exception {
    String lastName = "Oubliée" + letters(8);
    Api caseworker = Api.as(rest, "demo-caseworker");
    var created = caseworker.post("/api/dossiers", """
        {"procedure":"family-reunification",
         "beneficiary":{"firstName":"Zoé","lastName":"%s","birthDate":"1988-05-06","nationality":"CD",
                        "languages":["fr","ln"],"phone":"+32 470 98 76 54","email":"zoe.%s@example.org"},
         "referenceDate":"2025-09-15",
         "sponsor":{"kind":"THIRD_COUNTRY_NATIONAL","residence":"UNLIMITED","statusGrantedOn":"2025-09-01",
                    "monthlyNetIncome":2400.00,"incomeKinds":["EMPLOYMENT"],"adequateHousing":true,
                    "healthInsurance":true,"householdSize":2},
         "applicant":{"relationship":"SPOUSE","birthDate":"1996-04-02","relationshipStartedOn":"2021-06-12",
                      "relationshipBeforeSponsorArrival":true,"location":"ABROAD"},
         "familyMembers":[{"firstName":"Noé","lastName":"%s","birthDate":"2015-01-02","relationship":"CHILD"}]}
        """.formatted(lastName, lastName.toLowerCase(), lastName));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode c = mapper.readTree(created.getBody());
    long id = c.get("id").asLong();
    String reference = c.get("reference").asText();
    String pid = c.get("processInstanceId").asText();
    // a task of the procedure exists (its task-local variables carry the person's name for Tasklist)
    // (the tasks live in the common front the procedure called: found by the dossier's reference)
    awaitTask(reference);
    runtime.setVariable(pid, "intakeNote", "Entretien avec Zoé " + lastName + " : santé fragile");
    var task = tasks.createTaskQuery().processInstanceBusinessKey(reference).list().get(0);
    tasks.createComment(task.getId(), task.getProcessInstanceId(), "Rappeler Zoé " + lastName);

    LocalDate opened = LocalDate.now(be.parcours.shared.TimeConfig.BRUSSELS).minusYears(7);
    jdbc.update("update dossier set opened_on = ? where id = ?", opened, id);
    var note = caseworker.post("/api/dossiers/" + id + "/interventions", """
        {"type":"INTERVIEW","date":"%s","minutes":40,"note":"Zoé %s raconte son parcours"}"""
        .formatted(opened.plusDays(3), lastName));
    assertThat(note.getStatusCode().value()).as(note.getBody()).isEqualTo(201);
    var patch = caseworker.exchange(HttpMethod.PATCH, "/api/dossiers/" + id,
        """
        {"beneficiary":{"phone":"+32 471 11 22 33"},
         "facts":{"sponsor":{"kind":"THIRD_COUNTRY_NATIONAL","residence":"UNLIMITED","statusGrantedOn":"2025-09-01",
                    "monthlyNetIncome":2450.00,"incomeKinds":["EMPLOYMENT"],"adequateHousing":true,
                    "healthInsurance":true,"householdSize":2},
                  "applicant":{"relationship":"SPOUSE","birthDate":"1996-04-02","relationshipStartedOn":"2021-06-12",
                               "relationshipBeforeSponsorArrival":true,"location":"ABROAD"}}}""", null);
    assertThat(patch.getStatusCode().value()).as(patch.getBody()).isEqualTo(200);
    awaitVerdict(id);
    upload(id, "passeport-" + lastName + ".png");
    return new Person(id, reference, lastName, pid);
  }

  void upload(long id, String name) {
    byte[] png = new byte[1024];
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("demo-caseworker", "demo");
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("file", new ByteArrayResource(png) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    var upload = rest.exchange(rest.getRootUri() + "/api/dossiers/" + id + "/documents/PASSPORT/files",
        HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    assertThat(upload.getStatusCode().value()).as(upload.getBody()).isEqualTo(201);
  }

  /** The procedure is over and the dossier was closed six years ago. */
  void closedSixYearsAgo(Person p) {
    if (runtime.createProcessInstanceQuery().processInstanceId(p.processInstanceId()).count() > 0) {
      runtime.deleteProcessInstance(p.processInstanceId(), "test: the procedure ended long ago");
    }
    jdbc.update("update dossier set status = 'CLOSED', closed_on = ? where id = ?",
        LocalDate.now(be.parcours.shared.TimeConfig.BRUSSELS).minusYears(6), p.id());
  }

  /** The procedure ended a month ago: well within the retention period. */
  void closedLastMonth(Person p) {
    if (runtime.createProcessInstanceQuery().processInstanceId(p.processInstanceId()).count() > 0) {
      runtime.deleteProcessInstance(p.processInstanceId(), "test: the procedure ended");
    }
    jdbc.update("update dossier set status = 'CLOSED', closed_on = ? where id = ?",
        LocalDate.now(be.parcours.shared.TimeConfig.BRUSSELS).minusMonths(1), p.id());
  }

  void exportThenAnonymise() throws Exception {
    Person p = personWithData();
    Api supervisor = Api.as(rest, "demo-supervisor");

    // 1. the export: supervisors and the referent; nobody else
    var export = supervisor.get("/api/dossiers/" + p.id() + "/export");
    assertThat(export.getStatusCode().value()).as(export.getBody()).isEqualTo(200);
    JsonNode x = mapper.readTree(export.getBody());
    assertThat(x.at("/person/lastName").asText()).isEqualTo(p.lastName());
    assertThat(x.at("/person/phone").asText()).isEqualTo("+32 471 11 22 33");
    JsonNode first = x.at("/dossiers/0");
    assertThat(first.at("/dossier/reference").asText()).isEqualTo(p.reference());
    assertThat(first.at("/dossier/facts/sponsor/monthlyNetIncome").asDouble()).isEqualTo(2450.0);
    assertThat(first.at("/verdicts/0/rulesVersion").asText()).isNotBlank();
    assertThat(first.at("/dossier/eligibility/verdict/findings").size()).isPositive();
    assertThat(first.at("/files/0/name").asText()).isEqualTo("passeport-" + p.lastName() + ".png");
    assertThat(first.at("/dossier/interventions/0/note").asText()).contains(p.lastName());
    assertThat(first.at("/history").toString()).contains("+32 471 11 22 33");
    assertThat(first.at("/accessLog").findValuesAsText("action")).contains("EXPORT", "FILE_UPLOAD", "CREATE");
    assertThat(Api.as(rest, "demo-caseworker").get("/api/dossiers/" + p.id() + "/export").getStatusCode().value())
        .isEqualTo(200);
    for (String other : List.of("demo-caseworker-2", "demo-legal", "demo-reception", "demo-admin")) {
      assertThat(Api.as(rest, other).get("/api/dossiers/" + p.id() + "/export").getStatusCode().value())
          .as(other).isEqualTo(403);
    }
    assertThat(Api.as(rest, "demo-caseworker").get("/api/dossiers/999999/export").getStatusCode().value())
        .isEqualTo(404);

    // 2. closed six years ago: in the dry run, nothing changed by it
    int year = LocalDate.now(be.parcours.shared.TimeConfig.BRUSSELS).minusYears(7).getYear();
    String report = "/api/reports/activity?from=" + year + "-01-01&to=" + year + "-12-31";
    closedSixYearsAgo(p);
    JsonNode before = mapper.readTree(supervisor.get(report).getBody());
    assertThat(before.toString()).contains("accompanied");
    var dryRun = supervisor.get("/api/privacy/retention");
    assertThat(dryRun.getStatusCode().value()).isEqualTo(200);
    JsonNode listed = mapper.readTree(dryRun.getBody());
    assertThat(listed.get("closedYears").asInt()).isEqualTo(5);
    assertThat(listed.get("enabled").asBoolean()).as("the default only lists").isFalse();
    assertThat(listed.get("candidates").findValuesAsText("reference")).contains(p.reference());
    var listOnly = retention.run();
    assertThat(listOnly.anonymised()).isEmpty();
    assertThat(listOnly.candidates()).extracting(RetentionService.Candidate::reference).contains(p.reference());
    assertThat(names(p)).as("before: the engine's history holds the person's name").isNotEmpty();
    assertThat(fileKeys(p.id())).hasSize(1);
    List<String> keys = fileKeys(p.id());

    // 3. the run, enabled
    var run = retention.run(true);
    assertThat(run.anonymised()).contains(p.reference());
    assertThat(run.failed()).isEmpty();

    JsonNode read = mapper.readTree(supervisor.get("/api/dossiers/" + p.id()).getBody());
    assertThat(read.toString()).doesNotContain(p.lastName()).doesNotContain("Zoé").doesNotContain("98 76 54")
        .doesNotContain("11 22 33").doesNotContain("1988-05-06").doesNotContain("Noé");
    assertThat(read.at("/beneficiary/lastName").asText()).isEqualTo("anonymisée");
    assertThat(read.at("/reference").asText()).isEqualTo(p.reference());
    assertThat(read.at("/status").asText()).isEqualTo("CLOSED");
    assertThat(read.has("facts")).isFalse();
    assertThat(read.at("/eligibility/outcome").asText()).as("the verdict's outcome stays, its findings go").isNotBlank();
    assertThat(read.at("/eligibility/verdict").size()).isZero();
    assertThat(read.at("/interventions/0/type").asText()).isEqualTo("INTERVIEW");
    assertThat(read.at("/interventions/0/minutes").asInt()).isEqualTo(40);
    JsonNode found = mapper.readTree(supervisor.get("/api/dossiers?q=" + p.lastName().substring(7)).getBody());
    assertThat(found.get("totalElements").asLong()).isZero();
    assertThat(supervisor.get("/api/dossiers/duplicates?firstName=Zoe&lastName=" + p.lastName().substring(7))
        .getBody()).doesNotContain(p.reference());
    String exported = supervisor.get("/api/dossiers/" + p.id() + "/export").getBody();
    assertThat(exported).doesNotContain(p.lastName()).doesNotContain("passeport-").doesNotContain("11 22 33");
    assertThat(fileKeys(p.id())).isEmpty();
    for (String key : keys) {
      assertThat(jdbc.queryForObject("select count(*) from dossier_file_content where storage_key = ?",
          Integer.class, key)).isZero();
    }
    assertThat(names(p)).as("after: no variable, update or comment of the engine names the person").isEmpty();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(p.processInstanceId()).list())
        .extracting(v -> v.getName()).isSubsetOf(ProcedureScrubber.KEPT).contains("dossierId");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(p.reference()).count())
        .as("the procedure's history itself stays (Cockpit's figures): the procedure and the common front it called")
        .isEqualTo(2);
    var log = mapper.readTree(supervisor.get("/api/dossiers/" + p.id() + "/access-log").getBody());
    assertThat(log.findValuesAsText("action")).contains("ANONYMISED");
    assertThat(log.toString()).contains("\"user\":\"parcours-retention\",\"action\":\"ANONYMISED\"");

    // 4. the activity report counts exactly the same
    JsonNode after = mapper.readTree(supervisor.get(report).getBody());
    assertThat(after).isEqualTo(before);

    // 5. idempotent: nothing more to do
    var again = retention.run(true);
    assertThat(again.anonymised()).doesNotContain(p.reference());
    assertThat(again.candidates()).extracting(RetentionService.Candidate::reference).doesNotContain(p.reference());
  }

  List<String> fileKeys(long id) {
    return jdbc.queryForList("select storage_key from dossier_file where dossier_id = ?", String.class, id);
  }

  /** Where the engine still holds the person's name: variable values, variable updates, task comments. */
  List<String> names(Person p) {
    List<String> found = new ArrayList<>();
    for (var v : history.createHistoricVariableInstanceQuery().processInstanceId(p.processInstanceId())
        .includeDeleted().list()) {
      if (String.valueOf(v.getValue()).contains(p.lastName())) {
        found.add("variable " + v.getName());
      }
    }
    for (var d : history.createHistoricDetailQuery().processInstanceId(p.processInstanceId()).list()) {
      if (d instanceof HistoricVariableUpdate u && String.valueOf(u.getValue()).contains(p.lastName())) {
        found.add("update of " + u.getVariableName());
      }
    }
    Integer comments = jdbc.queryForObject("select count(*) from ACT_HI_COMMENT where PROC_INST_ID_ = ?",
        Integer.class, p.processInstanceId());
    if (comments != null && comments > 0) {
      found.add(comments + " comment(s)");
    }
    return found;
  }

  private void awaitVerdict(long id) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Integer n = jdbc.queryForObject("select count(*) from eligibility_verdict where dossier_id = ?", Integer.class, id);
      if (n != null && n > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no verdict for dossier " + id);
  }

  private void awaitTask(String reference) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      if (tasks.createTaskQuery().processInstanceBusinessKey(reference).count() > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no task for " + reference);
  }
}
