package be.parcours.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.security.Groups;
import be.parcours.testsupport.PostgresSpringTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scale benchmark (issue #6): generates {@code -Dbench.dossiers} (default 50,000) dossiers with
 * their deadlines, open Camunda tasks and task history into a real PostgreSQL 16 (embedded
 * binaries), then prints p50/p95 of the delays query, a caseworker's queue (the Tasklist filter
 * "Mon équipe": first page and count, with Camunda authorization checks) and the dossier search
 * ({@code GET /api/dossiers}, over HTTP). Run: {@code ./mvnw verify -Pbench}.
 */
class SupervisionScaleBenchmark extends PostgresSpringTest {

  static final int DOSSIERS = Integer.getInteger("bench.dossiers", 50_000);
  static final int RUNS = Integer.getInteger("bench.runs", 100);

  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ProcessEngine engine;
  @Autowired
  SupervisionService supervision;
  @Autowired
  TasklistFilters filters;
  @Autowired
  SupervisionQueries queries;
  @Autowired
  be.parcours.dossier.DossierSearch dossierSearch;

  static final be.parcours.dossier.Viewer CASEWORKER =
      new be.parcours.dossier.Viewer("demo-caseworker", java.util.Set.of(Groups.CASEWORKERS));
  @Autowired
  com.fasterxml.jackson.databind.ObjectMapper objectMapper;
  @Autowired
  org.springframework.transaction.PlatformTransactionManager transactionManager;
  @LocalServerPort
  int port;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void prints_p50_p95_at_scale() throws Exception {
    var fixtures = new SupervisionFixtures(jdbc, engine);
    fixtures.deployTestProcess();
    var def = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(SupervisionFixtures.PROCESS).latestVersion().singleResult();
    long t0 = System.nanoTime();
    var counts = ScaleDataGenerator.generate(dataSource, DOSSIERS, def.getId(), def.getKey(),
        LocalDate.now(be.parcours.shared.TimeConfig.BRUSSELS));
    long genMillis = (System.nanoTime() - t0) / 1_000_000;
    String teamFilter = filters.sync().get("mon-equipe:" + Groups.CASEWORKERS);

    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "Generated %,d dossiers (%,d open, %,d open tasks, %,d deadlines, "
            + "%,d completed tasks in history, %,d task authorizations) in %.1f s", counts.dossiers(), counts.openDossiers(),
        counts.openTasks(), counts.deadlines(), counts.historicTasks(), counts.authorizations(), genMillis / 1000.0));
    // an experiment on the generated data before measuring (an index, a setting): -Dbench.before="sql; sql"
    for (String sql : System.getProperty("bench.before", "").split(";")) {
      if (!sql.isBlank()) {
        jdbc.execute(sql);
        lines.add("before measuring: " + sql.strip());
      }
    }
    if (Boolean.getBoolean("bench.explain")) {
      explainEngineQueries();
    }
    boolean delays = !Boolean.getBoolean("bench.skip-delays");
    if (delays) {
      lines.add(measure("delays, all open dossiers (GET /api/supervision/delays)", () ->
          supervision.delays(null, false).size()));
      lines.add(measure("  of which the SQL statement alone", () -> queries.delays(null, null).size()));
      if (Boolean.getBoolean("bench.explain")) {
        jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + SupervisionQueries.DELAYS_SQL)
            .forEach(r -> System.out.println(r.values().iterator().next()));
      }
      lines.add(measure("delays, overdueOnly=true", () -> supervision.delays(null, true).size()));
      lines.add(measure("delays, procedure=visa", () ->
          supervision.delays(be.parcours.dossier.Procedure.VISA, false).size()));
      lines.add(measure("Cockpit dashboard (at-risk + aggregates)", () -> supervision.dashboard().atRisk().size()));
    }
    Callable<Integer> teamQueue = () -> {
      engine.getIdentityService().setAuthentication("cw07", List.of(Groups.CASEWORKERS));
      try {
        int page = engine.getFilterService().listPage(teamFilter, 0, 15).size();
        long count = engine.getFilterService().count(teamFilter);
        return (int) Math.min(Integer.MAX_VALUE, page + count);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    };
    if (ScaleDataGenerator.AUTHORIZATIONS) {
      // with the engine's per-task grants the engine's statement can run for minutes (docs/benchmarks.md):
      // once, under a statement timeout, not 110 times
      lines.add(once("caseworker queue: filter 'Mon équipe' page + count, per-task grants, once (timeout 60 s)",
          teamQueue));
    } else {
      lines.add(measure("caseworker queue: filter 'Mon équipe', first page of 15 + count", teamQueue));
    }
    lines.add(measure("caseworker queue: 'Mes tâches' (assignee = cw07) page + count", () -> {
      var q = engine.getTaskService().createTaskQuery().taskAssignee("cw07").orderByDueDate().asc();
      return q.listPage(0, 15).size() + (int) q.count();
    }));
    lines.add(measure("dossier search: GET /api/dossiers?q=benali", () -> search("q=benali")));
    var pageResult = dossierSearch.search("benali", null, null, 0, 20, CASEWORKER);
    lines.add(measure("  q=benali, JSON serialisation of the page alone", () -> objectMapper.writeValueAsBytes(pageResult).length));
    lines.add(measure("dossier search: GET /api/dossiers?q=RF-2025-0", () -> search("q=RF-2025-0")));
    lines.add(measure("dossier search: GET /api/dossiers?procedure=visa&status=SUBMITTED", () ->
        search("procedure=visa&status=SUBMITTED")));
    lines.add(measure("dossier search: GET /api/dossiers (first page)", () -> search("")));
    lines.add(measure("  the same, HTTP + login only: GET /api/dossiers/0 (404)", this::notFound));
    lines.add(measure("  q=benali, the search service alone (no HTTP)", () ->
        dossierSearch.search("benali", null, null, 0, 20, CASEWORKER) == null ? 0 : 1));
    lines.add(measure("  q=ouri-x, rare, the dossier service alone", () ->
        dossierSearch.search("xouri", null, null, 0, 20, CASEWORKER) == null ? 0 : 1));
    lines.add(measure("  first page, the dossier service alone", () ->
        dossierSearch.search(null, null, null, 0, 20, CASEWORKER) == null ? 0 : 1));
    // the same HTTP search again, last: the first one above runs on a JVM and a server that have served
    // 10 requests of it (its figure includes what warming up is left)
    lines.add(measure("dossier search: GET /api/dossiers?q=benali, again at the end", () -> search("q=benali")));
    if (Boolean.getBoolean("bench.explain")) {
      // the statement DossierSearch sends for q=benali (its text, with the values in place of the parameters)
      String match = "select d.id, d.reference, d.procedure_code, d.status, b.first_name, b.last_name, d.opened_on, "
          + "d.assigned_to, m.total from (select x.id, x.opened_on, count(*) over () as total from (select d.id, "
          + "d.opened_on from dossier d where lower(d.reference) like '%benali%' escape '\\' union select d.id, "
          + "d.opened_on from dossier d where d.beneficiary_id = any(array(select n.id from beneficiary n where "
          + "n.search_key like '%benali%' escape '\\'))) x order by x.opened_on desc, x.id desc limit 20 offset 0) m join dossier d on "
          + "d.id = m.id join beneficiary b on b.id = d.beneficiary_id order by m.opened_on desc, m.id desc";
      System.out.println("==== EXPLAIN of the search q=benali ====");
      jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + match).forEach(r -> System.out.println(r.values().iterator().next()));
      System.out.println("search statement alone, median of 21: " + medianMillis(match.replace("select d.id, d.reference",
          "select count(*) from (select d.id, d.reference") + ") all_rows") + " ms");
    }
    System.out.println();
    System.out.println("==== Parcours scale benchmark (PostgreSQL 16, " + Runtime.getRuntime().availableProcessors()
        + " CPUs, " + RUNS + " runs after 10 warm-up runs) ====");
    lines.forEach(System.out::println);
    System.out.println("Targets: delays p95 <= 200 ms; queue and search p95 <= 50 ms.");
    System.out.println();
    assertThat(counts.dossiers()).isEqualTo(DOSSIERS);
  }

  /**
   * The plans of the queue's statements as the engine sends them (Camunda 7.24, captured with the
   * {@code TaskEntity} mapper's DEBUG log: auto_explain would write them to the server's log, which the
   * embedded server does not echo), and the count alone timed; the search's plans follow the measurements.
   */
  private void explainEngineQueries() {
    System.out.println("==== EXPLAIN of the queue (engine filter 'Mon équipe' page + count, cw07) ====");
    String from = " from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ left join ACT_RE_PROCDEF D "
        + "on RES.PROC_DEF_ID_ = D.ID_ left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( "
        + "A.USER_ID_ in ('cw07', '*') OR A.GROUP_ID_ IN ('service-social') ) AND ( ( A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2 "
        + "OR A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64 ) ) ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' )) "
        + "WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ('service-social') ) ) ) and ( "
        + "(RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null )";
    String count = "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_" + from + " ) countDistinct";
    for (String sql : List.of("select distinct RES.*" + from + " order by RES.ID_ asc LIMIT 15 OFFSET 0", count,
        "SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A")) {
      System.out.println(sql);
      jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql).forEach(r -> System.out.println(r.values().iterator().next()));
    }
    System.out.println("count statement alone, median of 21: " + medianMillis(count) + " ms");
    System.out.println("==== end of EXPLAIN ====");
  }

  private double medianMillis(String sql) {
    double[] t = new double[21];
    for (int i = 0; i < t.length; i++) {
      long t0 = System.nanoTime();
      jdbc.queryForObject(sql, Long.class);
      t[i] = (System.nanoTime() - t0) / 1e6;
    }
    java.util.Arrays.sort(t);
    return Math.round(t[10] * 10) / 10.0;
  }

  private int search(String query) throws Exception {
    String[] parts = query.isEmpty() ? new String[0] : query.split("&");
    StringBuilder qs = new StringBuilder();
    for (String part : parts) {
      String[] kv = part.split("=", 2);
      qs.append(qs.isEmpty() ? "?" : "&").append(kv[0]).append('=').append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
    }
    var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dossiers" + qs))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-caseworker:demo".getBytes(
            StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body().length();
  }

  private int notFound() throws Exception {
    var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dossiers/0"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-caseworker:demo".getBytes(
            StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
    return response.body().length();
  }

  /** One run in a transaction whose statements stop after 60 s (the elapsed time, or the timeout). */
  private String once(String name, Callable<Integer> query) {
    long t = System.nanoTime();
    String outcome;
    try {
      Integer size = new org.springframework.transaction.support.TransactionTemplate(transactionManager).execute(s -> {
        jdbc.execute("SET LOCAL statement_timeout = '60s'");
        try {
          return query.call();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      outcome = String.format(Locale.ROOT, "(result size %,d)", size);
    } catch (RuntimeException e) {
      outcome = "stopped: " + e.getClass().getSimpleName() + " (statement timeout)";
    }
    return String.format(Locale.ROOT, "%-70s once %9.1f ms   %s", name, (System.nanoTime() - t) / 1e6, outcome);
  }

  private static String measure(String name, Callable<Integer> query) throws Exception {
    int size = 0;
    for (int i = 0; i < 10; i++) {
      size = query.call();
    }
    long[] nanos = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      query.call();
      nanos[i] = System.nanoTime() - t;
    }
    java.util.Arrays.sort(nanos);
    return String.format(Locale.ROOT, "%-70s p50 %7.1f ms   p95 %7.1f ms   (result size %,d)", name,
        nanos[RUNS / 2] / 1e6, nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6, size);
  }
}
