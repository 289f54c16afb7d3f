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
            + "%,d completed tasks in history) in %.1f s", counts.dossiers(), counts.openDossiers(), counts.openTasks(),
        counts.deadlines(), counts.historicTasks(), genMillis / 1000.0));
    if (Boolean.getBoolean("bench.explain")) {
      explainEngineQueries(teamFilter, dossierSearch);
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
    lines.add(measure("caseworker queue: filter 'Mon équipe', first page of 15 + count", () -> {
      engine.getIdentityService().setAuthentication("cw07", List.of(Groups.CASEWORKERS));
      try {
        int page = engine.getFilterService().listPage(teamFilter, 0, 15).size();
        long count = engine.getFilterService().count(teamFilter);
        return (int) Math.min(Integer.MAX_VALUE, page + count);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    }));
    lines.add(measure("caseworker queue: 'Mes tâches' (assignee = cw07) page + count", () -> {
      var q = engine.getTaskService().createTaskQuery().taskAssignee("cw07").orderByDueDate().asc();
      return q.listPage(0, 15).size() + (int) q.count();
    }));
    lines.add(measure("dossier search: GET /api/dossiers?q=benali", () -> search("q=benali")));
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
    if (Boolean.getBoolean("bench.explain")) {
      for (String sql : List.of(
          "select d.id from dossier d join beneficiary b on b.id = d.beneficiary_id where d.id in (select r.id from "
              + "dossier r where lower(r.reference) like '%xouri%' union select o.id from dossier o where "
              + "o.beneficiary_id in (select n.id from beneficiary n where n.search_key like '%xouri%')) "
              + "order by d.opened_on desc, d.id desc limit 20",
          "select d.id from dossier d join beneficiary b on b.id = d.beneficiary_id "
              + "order by d.opened_on desc, d.id desc limit 20")) {
        jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql).forEach(r -> System.out.println(r.values().iterator().next()));
      }
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
   * The plans of the statements the engine and the search send (the queue's page and count, the
   * search's), as PostgreSQL ran them: auto_explain for the connections opened from now on (the
   * pool is emptied first), plans in the server's log, which zonky prints in this output.
   */
  private void explainEngineQueries(String teamFilter, be.parcours.dossier.DossierSearch search) throws Exception {
    jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
      try (var st = c.createStatement()) {
        st.execute("LOAD 'auto_explain'"); // its parameters exist only once loaded
        st.execute("ALTER SYSTEM SET session_preload_libraries = 'auto_explain'");
        st.execute("ALTER SYSTEM SET auto_explain.log_min_duration = 0");
        st.execute("ALTER SYSTEM SET auto_explain.log_analyze = on");
        st.execute("ALTER SYSTEM SET auto_explain.log_buffers = on");
        st.execute("SELECT pg_reload_conf()");
      }
      return null;
    });
    var hikari = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
    hikari.getHikariPoolMXBean().softEvictConnections();
    Thread.sleep(500);
    System.out.println("==== EXPLAIN of the queue (engine filter 'Mon équipe' page + count, cw07) ====");
    engine.getIdentityService().setAuthentication("cw07", List.of(Groups.CASEWORKERS));
    try {
      engine.getFilterService().listPage(teamFilter, 0, 15);
      engine.getFilterService().count(teamFilter);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    System.out.println("==== EXPLAIN of the search q=benali (service) ====");
    search.search("benali", null, null, 0, 20, CASEWORKER);
    Thread.sleep(500);
    System.out.println("==== end of EXPLAIN ====");
    jdbc.execute("ALTER SYSTEM RESET session_preload_libraries");
    jdbc.execute("SELECT pg_reload_conf()");
    hikari.getHikariPoolMXBean().softEvictConnections();
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
