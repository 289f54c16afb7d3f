package be.parcours.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.dossier.DeadlineStatus;
import be.parcours.dossier.DossierService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionApiTest extends SupervisionTestBase {

  @Autowired
  DossierService dossierService;
  @Autowired
  ObjectMapper mapper;

  final HttpClient http = HttpClient.newHttpClient();
  final LocalDate today = LocalDate.now(be.parcours.shared.TimeConfig.BRUSSELS);
  SupervisionFixtures.TestDossier overdue;
  SupervisionFixtures.TestDossier soon;
  SupervisionFixtures.TestDossier later;
  SupervisionFixtures.TestDossier noDeadline;
  SupervisionFixtures.TestDossier visa;
  Set<String> mine;

  @BeforeAll
  void seed() {
    var f = fixtures();
    overdue = f.startProcess(f.dossier("family-reunification", "RF", "Overdue"), 12, Instant.now().minusSeconds(86_400));
    soon = f.startProcess(f.dossier("family-reunification", "RF", "Soon"), 3, null);
    later = f.startProcess(f.dossier("family-reunification", "RF", "Later"), 40, null);
    noDeadline = f.dossier("family-reunification", "RF", "Nodeadline");
    visa = f.startProcess(f.dossier("visa", "VI", "Visa"), 1, null);
    dossierService.upsertDeadline(overdue.id(), "APPEAL", today.minusDays(2), "art. 39/57");
    dossierService.upsertDeadline(overdue.id(), "DOCUMENTS", today.plusDays(20), "test");
    dossierService.upsertDeadline(soon.id(), "DECISION", today.plusDays(5), "art. 12bis");
    dossierService.upsertDeadline(soon.id(), "OLD", today.minusDays(100), "met earlier");
    dossierService.closeDeadline(soon.id(), "OLD", DeadlineStatus.MET);
    dossierService.upsertDeadline(later.id(), "DECISION", today.plusDays(60), "art. 12bis");
    dossierService.upsertDeadline(visa.id(), "VISA_DECISION", today.plusDays(10), "code des visas");
    // a step is worked: assign the overdue dossier's task
    var task = engine.getTaskService().createTaskQuery().processInstanceId(overdue.processInstanceId()).singleResult();
    engine.getTaskService().setAssignee(task.getId(), "demo-caseworker");
    mine = Set.of(overdue.reference(), soon.reference(), later.reference(), noDeadline.reference(), visa.reference());
  }

  @Test
  void delays_lists_open_dossiers_most_urgent_first_with_step_assignee_and_next_deadline() throws Exception {
    JsonNode body = getJson("/api/supervision/delays", "demo-supervisor");
    List<JsonNode> rows = mineOnly(body);
    assertThat(rows).extracting(r -> r.get("reference").asText())
        .containsExactly(overdue.reference(), soon.reference(), visa.reference(), later.reference(),
            noDeadline.reference());
    JsonNode first = rows.get(0);
    assertThat(first.get("dossierId").asLong()).isEqualTo(overdue.id());
    assertThat(first.get("procedure").asText()).isEqualTo("family-reunification");
    assertThat(first.get("step").asText()).isEqualTo("Rassembler les documents");
    assertThat(first.get("assignee").asText()).isEqualTo("demo-caseworker");
    assertThat(first.get("inStepSinceDays").asInt()).isEqualTo(12);
    assertThat(first.get("nextDeadline").get("code").asText()).isEqualTo("APPEAL");
    assertThat(first.get("nextDeadline").get("dueOn").asText()).isEqualTo(today.minusDays(2).toString());
    assertThat(first.get("nextDeadline").get("daysLeft").asInt()).isEqualTo(-2);
    JsonNode soonRow = rows.get(1);
    assertThat(soonRow.get("nextDeadline").get("code").asText()).isEqualTo("DECISION"); // the MET one is not next
    assertThat(soonRow.has("assignee")).isFalse(); // null fields are omitted
    JsonNode last = rows.get(4);
    assertThat(last.has("nextDeadline")).isFalse();
    assertThat(last.has("step")).isFalse();
    // the whole list is ordered too
    List<Integer> daysLeft = new ArrayList<>();
    body.forEach(r -> daysLeft.add(r.has("nextDeadline") ? r.get("nextDeadline").get("daysLeft").asInt() : Integer.MAX_VALUE));
    assertThat(daysLeft).isSorted();
  }

  @Test
  void delays_filter_by_procedure_and_overdue_only() throws Exception {
    assertThat(mineOnly(getJson("/api/supervision/delays?procedure=visa", "demo-supervisor")))
        .extracting(r -> r.get("reference").asText()).containsExactly(visa.reference());
    JsonNode overdueOnly = getJson("/api/supervision/delays?overdueOnly=true", "demo-supervisor");
    assertThat(mineOnly(overdueOnly)).extracting(r -> r.get("reference").asText()).containsExactly(overdue.reference());
    overdueOnly.forEach(r -> assertThat(r.get("nextDeadline").get("daysLeft").asInt()).isNegative());
    assertThat(get("/api/supervision/delays?procedure=asylum", "demo-supervisor", "application/json").statusCode())
        .isEqualTo(400);
  }

  @Test
  void delays_as_csv() throws Exception {
    var response = get("/api/supervision/delays?procedure=family-reunification", "demo-supervisor", "text/csv");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    List<String> lines = response.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo(DelaysCsv.HEADER);
    String overdueLine = lines.stream().filter(l -> l.contains(overdue.reference())).findFirst().orElseThrow();
    assertThat(overdueLine).isEqualTo(overdue.id() + "," + overdue.reference()
        + ",family-reunification,Rassembler les documents,demo-caseworker,12,APPEAL," + today.minusDays(2) + ",-2");
    assertThat(lines.indexOf(overdueLine)).isLessThan(
        lines.indexOf(lines.stream().filter(l -> l.contains(soon.reference())).findFirst().orElseThrow()));
    assertThat(DelaysCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
  }

  @Test
  void only_supervisors_and_admins() throws Exception {
    assertThat(get("/api/supervision/delays", null, "application/json").statusCode()).isEqualTo(401);
    assertThat(get("/api/supervision/delays", "demo-caseworker", "application/json").statusCode()).isEqualTo(403);
    assertThat(get("/api/supervision/dashboard", "demo-legal", "application/json").statusCode()).isEqualTo(403);
    assertThat(get("/api/supervision/delays", "demo-admin", "application/json").statusCode()).isEqualTo(200);
  }

  @Test
  void dashboard_aggregates_step_durations_deadlines_and_workload() throws Exception {
    // complete the first step of the "later" dossier (40 days in it) → a step duration in history
    var task = engine.getTaskService().createTaskQuery().processInstanceId(later.processInstanceId())
        .taskDefinitionKey("Task_CollectDocuments").singleResult();
    engine.getTaskService().complete(task.getId());
    JsonNode d = getJson("/api/supervision/dashboard", "demo-supervisor");
    List<String> atRisk = StreamSupport.stream(d.get("atRisk").spliterator(), false)
        .map(r -> r.get("reference").asText()).filter(mine::contains).toList();
    assertThat(atRisk).containsExactly(overdue.reference(), soon.reference(), visa.reference()); // 60 days: not at risk
    assertThat(d.get("atRisk").get(0).get("processInstanceId").asText()).isNotBlank();
    JsonNode step = StreamSupport.stream(d.get("stepDurations").spliterator(), false)
        .filter(s -> s.get("step").asText().equals("Rassembler les documents")).findFirst().orElseThrow();
    assertThat(step.get("procedure").asText()).isEqualTo("SupervisionTest");
    assertThat(step.get("medianDays").asDouble()).isBetween(39.5, 40.5);
    assertThat(d.get("deadlines").get("year").asInt()).isEqualTo(today.getYear());
    assertThat(d.get("workload").toString()).contains("demo-caseworker");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().finished().count()).isPositive();
  }

  @Test
  void the_cockpit_session_reads_the_dashboard_without_a_second_login() throws Exception {
    String plugin = "/camunda/api/cockpit/plugin/parcours-supervision/default/dashboard";
    var supervisor = webappSession("cockpit", "demo-supervisor");
    var ok = supervisor.send(HttpRequest.newBuilder(URI.create(url(plugin))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(mapper.readTree(ok.body()).get("atRisk").toString()).contains(overdue.reference());
    // a Tasklist user is logged into the engine but is not a supervisor
    var caseworker = webappSession("tasklist", "demo-caseworker");
    assertThat(caseworker.send(HttpRequest.newBuilder(URI.create(url(plugin))).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    // nobody logged in: Camunda's own webapp security refuses
    assertThat(http.send(HttpRequest.newBuilder(URI.create(url(plugin))).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isIn(401, 403);
    // the Parcours API also accepts the webapp session for reads
    assertThat(supervisor.send(HttpRequest.newBuilder(URI.create(url("/api/supervision/dashboard"))).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void the_cockpit_plugin_is_registered_and_served() throws Exception {
    var js = http.send(HttpRequest.newBuilder(URI.create(
            url("/camunda/api/cockpit/plugin/parcours-supervision/static/app/plugin.js"))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.body()).contains("cockpit.dashboard").contains("plugin/parcours-supervision/");
  }

  /** Logs into a Camunda webapp like the browser does (XSRF cookie, then the login form). */
  HttpClient webappSession(String app, String user) throws Exception {
    var cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    client.send(HttpRequest.newBuilder(URI.create(url("/camunda/app/" + app + "/default/"))).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(c -> c.getValue()).findFirst().orElse("");
    var login = client.send(HttpRequest.newBuilder(URI.create(url("/camunda/api/admin/auth/user/default/login/" + app)))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return client;
  }

  List<JsonNode> mineOnly(JsonNode body) {
    return StreamSupport.stream(body.spliterator(), false).filter(r -> mine.contains(r.get("reference").asText()))
        .toList();
  }

  JsonNode getJson(String path, String user) throws Exception {
    var response = get(path, user, "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return mapper.readTree(response.body());
  }

  HttpResponse<String> get(String path, String user, String accept) throws Exception {
    var builder = HttpRequest.newBuilder(URI.create(url(path))).header("Accept", accept).GET();
    if (user != null) {
      builder.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }
}
