package be.parcours.bench;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.PostgresSpringTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (prints figures, asserts only that the requests succeed), issue #15's table, rows 1 and
 * 5, on PostgreSQL 16 (embedded binaries):
 * <ul>
 *   <li>dossiers opened per second ({@code POST /api/dossiers}, family reunification, 4 clients over
 *       HTTP) beside the TPC-B-like reference ({@link TpcbReference}, 4 clients, same server, same
 *       run), with the database transactions and rows written per dossier
 *       ({@code pg_stat_database} deltas);</li>
 *   <li>eligibility over HTTP ({@code POST /api/eligibility/family-reunification}, HTTP Basic) p50
 *       beside {@code GET /actuator/health} p50 of the same run.</li>
 * </ul>
 * Run: {@code ./mvnw verify -Pbench -Dit.test=ApiThroughputBenchmark} ({@code -Dbench.clients=4},
 * {@code -Dbench.seconds=15}).
 */
class ApiThroughputBenchmark extends PostgresSpringTest {

  static {
    // before the embedded server starts (the test instance exists before its Spring context)
    System.setProperty(be.parcours.testsupport.EmbeddedPostgresSupport.STATEMENTS, "true");
  }

  static final int CLIENTS = Integer.getInteger("bench.clients", 4);
  static final int SECONDS = Integer.getInteger("bench.seconds", 15);
  static final int RUNS = Integer.getInteger("bench.runs", 300);
  static final int COUNTED = Integer.getInteger("bench.counted", 20);
  static final String ELIGIBILITY = """
      { "referenceDate": "2025-09-15",
        "sponsor": { "kind": "THIRD_COUNTRY_NATIONAL", "residence": "UNLIMITED", "statusGrantedOn": "2025-09-01",
          "monthlyNetIncome": 2400.00, "incomeKinds": ["EMPLOYMENT"], "adequateHousing": true, "healthInsurance": true,
          "householdSize": 2 },
        "applicant": { "relationship": "SPOUSE", "birthDate": "1996-04-02", "relationshipStartedOn": "2021-06-12",
          "relationshipBeforeSponsorArrival": true, "location": "ABROAD" } }
      """;

  @LocalServerPort
  int port;
  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcTemplate jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  final AtomicInteger seq = new AtomicInteger();

  @Test
  void prints_dossiers_per_second_and_eligibility_over_http() throws Exception {
    List<String> lines = new ArrayList<>();

    // eligibility over HTTP vs the health endpoint (same client, same connection pool)
    double health = p50(() -> send(get("/actuator/health"), 200));
    double eligibility = p50(() -> send(post("/api/eligibility/family-reunification", ELIGIBILITY), 200));
    lines.add(String.format(Locale.ROOT, "eligibility over HTTP (Basic login)   p50 %6.2f ms; GET /actuator/health "
        + "p50 %6.2f ms; ratio %.2f × (goal <= 1.3 ×)", eligibility, health, eligibility / health));

    // dossiers opened per second, 4 clients, and what one costs the database
    for (int i = 0; i < 20; i++) {
      openDossier(); // warm-up
    }
    long[] before = dbCounters();
    long t0 = System.nanoTime();
    int opened = runClients(CLIENTS, SECONDS, this::openDossier);
    double seconds = (System.nanoTime() - t0) / 1e9;
    long[] after = dbCounters();
    double perSecond = opened / seconds;
    double xacts = (after[0] - before[0]) / (double) opened;
    double rows = (after[1] - before[1]) / (double) opened;
    double reads = (after[2] - before[2]) / (double) opened;

    TpcbReference.setUp(dataSource);
    double tps = TpcbReference.tps(dataSource, CLIENTS, SECONDS);
    lines.add(String.format(Locale.ROOT, "dossiers opened, %d clients over HTTP   %7.1f /s (%d in %.1f s); TPC-B-like "
        + "reference %d clients %7.1f TPS; ratio %.3f × (goal >= 0.10 ×)", CLIENTS, perSecond, opened, seconds, CLIENTS,
        tps, perSecond / tps));
    lines.add(String.format(Locale.ROOT, "  per dossier opened: %.1f database transactions committed, %.1f rows "
        + "written, %.1f rows read (pg_stat_database deltas, whole server)", xacts, rows, reads));
    lines.addAll(countStatements());

    System.out.println();
    System.out.println("==== Parcours API throughput benchmark (PostgreSQL 16, " + Runtime.getRuntime()
        .availableProcessors() + " CPUs; machine shared with other builds: compare with the same run's reference) ====");
    lines.forEach(System.out::println);
    System.out.println();
    assertThat(opened).isPositive();
  }

  /**
   * {@link #COUNTED} dossiers opened one after the other, statements counted by the server from the
   * first request until their asynchronous jobs (the verdict) are done, by kind and table.
   */
  private List<String> countStatements() throws Exception {
    if (!StatementCounts.available(jdbc)) {
      return List.of("  (pg_stat_statements not available: statements not counted)");
    }
    StatementCounts counts = new StatementCounts(jdbc);
    waitForDueJobs();
    counts.reset();
    for (int i = 0; i < COUNTED; i++) {
      openDossier();
    }
    waitForDueJobs();
    List<String> lines = new ArrayList<>(StatementCounts.lines(counts.byTable(), COUNTED));
    if (Boolean.getBoolean("bench.statements.top")) {
      lines.add("  most frequent statements per dossier:");
      lines.addAll(counts.top(40, COUNTED));
    }
    return lines;
  }

  private void waitForDueJobs() throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline && jdbc.queryForObject("select count(*) from act_ru_job where retries_ > 0 "
        + "and (duedate_ is null or duedate_ <= now())", Long.class) > 0) {
      Thread.sleep(50);
    }
  }

  private long[] dbCounters() {
    jdbc.execute("select pg_stat_force_next_flush()");
    return jdbc.queryForObject("select xact_commit, tup_inserted + tup_updated + tup_deleted, tup_fetched "
        + "from pg_stat_database where datname = current_database()", (rs, i) -> new long[] {rs.getLong(1),
            rs.getLong(2), rs.getLong(3)});
  }

  private Void openDossier() throws Exception {
    int n = seq.incrementAndGet();
    send(post("/api/dossiers", """
        {"procedure":"family-reunification","beneficiary":{"firstName":"Bench","lastName":"Ouvert%d",
         "birthDate":"1990-01-01"}}""".formatted(n)), 201);
    return null;
  }

  interface Call {
    Object call() throws Exception;
  }

  static int runClients(int clients, int seconds, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      futures.add(pool.submit(() -> {
        int n = 0;
        while (System.nanoTime() < end) {
          call.call();
          n++;
        }
        return n;
      }));
    }
    int total = 0;
    for (Future<Integer> f : futures) {
      total += f.get();
    }
    pool.shutdown();
    return total;
  }

  private double p50(Call call) throws Exception {
    for (int i = 0; i < 50; i++) {
      call.call();
    }
    long[] nanos = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      call.call();
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    return nanos[RUNS / 2] / 1e6;
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
  }

  private HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-caseworker:demo"
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private Object send(HttpRequest.Builder request, int status) throws Exception {
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response.body().length();
  }
}
