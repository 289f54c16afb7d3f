package be.parcours.bench;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.ParcoursApplication;
import be.parcours.testsupport.EmbeddedPostgresSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (prints figures), issue #15's table, rows 2 and 3: timer jobs executed per second when
 * {@code -Dbench.timers} (2,000) timers are due at once, on one node and on two nodes of one
 * PostgreSQL 16 (embedded), beside the TPC-B-like reference of the same run; then the delay before a
 * timer that falls due is picked up by an idle node.
 *
 * <p>The two nodes are two Parcours applications in this JVM (engines named apart, as in
 * ClusterPostgresIsolatedIT; the bench profile gives every benchmark class a JVM of its own), each
 * with the job executor settings of {@code application.yml}. Any {@code -Dbench.node.<property>=v}
 * is passed to both nodes as {@code --<property>=v} (to try other job executor settings). Timers are
 * created while both job executors are stopped, due one second earlier, then the executors start and
 * the clock runs until no timer job is left. Run: {@code ./mvnw verify -Pbench -Dit.test=TimerJobsBenchmark}
 * ({@code -Dbench.timers=10000}).
 */
class TimerJobsBenchmark {

  static {
    // before the embedded server starts: count the statements of one timer job (pg_stat_statements)
    System.setProperty(EmbeddedPostgresSupport.STATEMENTS, "true");
  }

  static final int TIMERS = Integer.getInteger("bench.timers", 2_000);
  static final int IDLE_SAMPLES = Integer.getInteger("bench.idle-samples", 5);
  static final String KEY = "bench-timer";

  static ConfigurableApplicationContext nodeA;
  static ConfigurableApplicationContext nodeB;

  static ConfigurableApplicationContext start(String node, String engineName) {
    List<String> args = new ArrayList<>(List.of("--server.port=0",
        "--DB_URL=" + EmbeddedPostgresSupport.jdbcUrl(), "--DB_USER=postgres", "--DB_PASSWORD=postgres",
        "--parcours.rules.node-id=" + node,
        "--camunda.bpm.generic-properties.properties.hostname=" + node,
        "--camunda.bpm.process-engine-name=" + engineName,
        "--parcours.demo.dossiers=false",
        "--spring.jmx.enabled=false",
        "--spring.datasource.hikari.connection-timeout=5000"));
    System.getProperties().forEach((k, v) -> {
      if (k.toString().startsWith("bench.node.")) {
        args.add("--" + k.toString().substring("bench.node.".length()) + "=" + v);
      }
    });
    return new SpringApplicationBuilder(ParcoursApplication.class).profiles("postgres", "demo")
        .run(args.toArray(String[]::new));
  }

  static JobExecutor executor(ConfigurableApplicationContext node) {
    return ((ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration())
        .getJobExecutor();
  }

  @AfterAll
  static void stop() {
    for (var node : new ConfigurableApplicationContext[] {nodeB, nodeA}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  void prints_timer_jobs_per_second_and_pick_up_delay() throws Exception {
    ExecutorService starter = Executors.newFixedThreadPool(2);
    Future<ConfigurableApplicationContext> a = starter.submit(() -> start("bench-a", "default"));
    Future<ConfigurableApplicationContext> b = starter.submit(() -> start("bench-b", "benchb"));
    nodeA = a.get(10, TimeUnit.MINUTES);
    nodeB = b.get(10, TimeUnit.MINUTES);
    starter.shutdown();
    executor(nodeA).shutdown();
    executor(nodeB).shutdown();

    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(EmbeddedPostgresSupport.jdbcUrl());
    ds.setUser("postgres");
    ds.setPassword("postgres");
    JdbcTemplate db = new JdbcTemplate(ds);
    ProcessEngine engine = nodeA.getBean(ProcessEngine.class);
    engine.getRepositoryService().createDeployment().name(KEY).addModelInstance("bench-timer.bpmn",
        Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent().intermediateCatchEvent("wait")
            .timerWithDate("${due}").endEvent().done()).deploy();

    DataSource app = nodeA.getBean(DataSource.class);
    TpcbReference.setUp(app);
    double tps = TpcbReference.tps(app, 4, 10);
    var jobSettings = executor(nodeA);
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "job executor per node: %d jobs per acquisition, %s, lock %d ms, wait %d ms, "
            + "max wait %d ms", jobSettings.getMaxJobsPerAcquisition(), threads(nodeA), jobSettings.getLockTimeInMillis(),
        jobSettings.getWaitTimeInMillis(), jobSettings.getMaxWait()));
    lines.add(String.format(Locale.ROOT, "TPC-B-like reference, 4 clients over JDBC: %.0f TPS; engine JDBC batching %s", tps,
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isJdbcBatchProcessing() ? "on" : "off"));

    boolean counting = StatementCounts.available(db);
    StatementCounts statements = new StatementCounts(db);
    double one = run(engine, db, List.of(nodeA), lines, "one node ", counting ? statements : null);
    double two = run(engine, db, List.of(nodeA, nodeB), lines, "two nodes", null);
    lines.add(String.format(Locale.ROOT, "  one node %.3f × TPC-B (goal >= 0.20 ×); two nodes %.2f × one node (goal >= "
        + "1.7 ×)", one / tps, two / one));

    // an idle node: node A alone, nothing to do for 10 s (the executor backs off to its longest wait)
    executor(nodeB).shutdown();
    executor(nodeA).start();
    Thread.sleep(10_000);
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < IDLE_SAMPLES; i++) {
      Instant due = Instant.now().plusMillis(3_000 + (long) (Math.random() * 4_000));
      String pi = engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of("due", Date.from(due))).getId();
      Instant end = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (end == null && System.nanoTime() < deadline) {
        Thread.sleep(50);
        end = db.query("select END_TIME_ from ACT_HI_PROCINST where ID_ = ? and END_TIME_ is not null",
            rs -> rs.next() ? rs.getTimestamp(1).toInstant() : null, pi);
      }
      assertThat(end).as("timer of " + pi + " executed").isNotNull();
      delays.add(Duration.between(due, end).toMillis());
      Thread.sleep(6_000 + (long) (Math.random() * 3_000)); // idle again
    }
    List<Long> sorted = delays.stream().sorted().toList();
    lines.add(String.format(Locale.ROOT, "delay from due to done, idle node, %d timers: median %.1f s, max %.1f s "
        + "(goal <= 5 s); all: %s ms", delays.size(), sorted.get(sorted.size() / 2) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0, delays));

    System.out.println();
    System.out.println("==== Parcours timer jobs benchmark (PostgreSQL 16, " + Runtime.getRuntime().availableProcessors()
        + " CPUs; machine shared with other builds: compare with the same run's reference) ====");
    lines.forEach(System.out::println);
    System.out.println();
  }

  private static String threads(ConfigurableApplicationContext node) {
    try {
      var pool = node.getBean(org.springframework.core.task.TaskExecutor.class);
      if (pool instanceof org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor t) {
        return t.getCorePoolSize() + "–" + t.getMaxPoolSize() + " threads, queue " + t.getQueueCapacity();
      }
    } catch (Exception ignored) {
      // several task executors: not said
    }
    return "threads of the Camunda starter's pool";
  }

  private static double run(ProcessEngine engine, JdbcTemplate db, List<ConfigurableApplicationContext> nodes,
      List<String> lines, String label, StatementCounts statements) throws Exception {
    Date due = Date.from(Instant.now().minusSeconds(1));
    long c0 = System.nanoTime();
    var runtime = engine.getRuntimeService();
    for (int i = 0; i < TIMERS; i++) {
      runtime.startProcessInstanceByKey(KEY, Map.of("due", due));
    }
    double created = (System.nanoTime() - c0) / 1e9;
    assertThat(pending(db)).isEqualTo(TIMERS);
    Map<String, Long> before = perHost(db);
    if (statements != null) {
      statements.reset();
    }
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    nodes.forEach(n -> executor(n).start());
    long deadline = t0 + Duration.ofMinutes(20).toNanos();
    while (pending(db) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long cpu = processCpuNanos() - cpu0;
    Map<String, Long> counted = statements == null ? null : statements.byTable();
    nodes.forEach(n -> executor(n).shutdown());
    assertThat(pending(db)).isZero();
    Map<String, Long> after = perHost(db);
    StringBuilder split = new StringBuilder();
    after.forEach((host, n) -> split.append(split.isEmpty() ? "" : ", ").append(host).append(' ')
        .append(n - before.getOrDefault(host, 0L)));
    long twice = db.queryForObject("select count(*) - count(distinct JOB_ID_) from ACT_HI_JOB_LOG where "
        + "PROCESS_DEF_KEY_ = ? and JOB_STATE_ = 2", Long.class, KEY);
    double perSecond = TIMERS / seconds;
    lines.add(String.format(Locale.ROOT, "%s: %,d timers due at once executed in %.1f s = %.0f jobs/s (by %s; "
        + "executed twice: %d; created in %.1f s beforehand)", label, TIMERS, seconds, perSecond, split, twice, created));
    lines.add(String.format(Locale.ROOT, "  CPU of this JVM (nodes + benchmark; PostgreSQL is another process): %.2f ms "
        + "per job", cpu / 1e6 / TIMERS));
    if (counted != null) {
      StatementCounts.lines(counted, TIMERS).forEach(l -> lines.add(l.replace("per dossier", "per timer job")
          .replace(" dossiers)", " timer jobs)")));
    }
    return perSecond;
  }

  private static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static int pending(JdbcTemplate db) {
    return db.queryForObject("select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = ?", Integer.class, KEY);
  }

  private static Map<String, Long> perHost(JdbcTemplate db) {
    Map<String, Long> m = new java.util.TreeMap<>();
    db.query("select HOSTNAME_, count(*) from ACT_HI_JOB_LOG where PROCESS_DEF_KEY_ = ? and JOB_STATE_ = 2 "
        + "group by HOSTNAME_", rs -> {
          m.put(rs.getString(1), rs.getLong(2));
        }, KEY);
    return m;
  }
}
