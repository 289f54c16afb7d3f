package be.parcours.bench;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.ParcoursApplication;
import bench.bare.BareCamundaApplication;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark (prints figures), issue #15's table, rows 4 and 8: each application started as a
 * process of its own ({@code java -Xmx512m -cp <test class path>}, the JVM options of
 * {@code spring-boot:run}) on a fresh H2 file database, timed from the process start to the first
 * 200 of {@code GET /actuator/health}; then 400 API calls and the process's resident memory
 * ({@code VmRSS} of {@code /proc/<pid>/status}), before and after a full GC ({@code jcmd GC.run}).
 * Parcours runs its {@code demo} profile (demo users and dossiers created into the empty database);
 * the reference is {@link BareCamundaApplication} (Spring Boot + Camunda engine, webapps and REST).
 * The two alternate {@code -Dbench.rounds} (2) times; the best start-up of each is compared.
 * Ports 8282 (bare) and 8292 (Parcours). Run:
 * {@code ./mvnw verify -Pbench -Dit.test=StartupMemoryBenchmark}.
 */
class StartupMemoryBenchmark {

  static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
  static final String JVM_OPTIONS = System.getProperty("bench.jvm", "-Xmx512m");
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  record Run(double startSeconds, long rssAfterLoadKb, long rssAfterGcKb) {}

  @Test
  void prints_start_up_and_resident_memory_beside_the_bare_stack() throws Exception {
    List<Run> bare = new ArrayList<>();
    List<Run> parcours = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      bare.add(run("bare-" + i, BareCamundaApplication.class.getName(), 8282, List.of(
          "--spring.config.location=classpath:/bench/bare-application.yml",
          "--spring.datasource.url=jdbc:h2:file:./target/bench-startup/bare-" + i + "/db"), false));
      parcours.add(run("parcours-" + i, ParcoursApplication.class.getName(), 8292, List.of(
          "--spring.profiles.active=demo", "--spring.jmx.enabled=false",
          "--spring.datasource.url=jdbc:h2:file:./target/bench-startup/parcours-" + i + "/db"), true));
    }
    double bareStart = bare.stream().mapToDouble(Run::startSeconds).min().orElseThrow();
    double parcoursStart = parcours.stream().mapToDouble(Run::startSeconds).min().orElseThrow();
    long bareRss = bare.stream().mapToLong(Run::rssAfterLoadKb).min().orElseThrow();
    long parcoursRss = parcours.stream().mapToLong(Run::rssAfterLoadKb).min().orElseThrow();
    long bareGc = bare.stream().mapToLong(Run::rssAfterGcKb).min().orElseThrow();
    long parcoursGc = parcours.stream().mapToLong(Run::rssAfterGcKb).min().orElseThrow();

    System.out.println();
    System.out.println("==== Parcours start-up and memory benchmark (" + Runtime.getRuntime().availableProcessors()
        + " CPUs, " + JVM_OPTIONS + ", fresh H2 file database, best of " + ROUNDS + "; machine shared with other "
        + "builds: compare with the same run's reference) ====");
    System.out.printf(Locale.ROOT, "start-up to first 200 (GET /actuator/health): Parcours demo %.1f s, bare Spring Boot "
        + "+ Camunda webapp + REST %.1f s; ratio %.2f × (goal <= 1.5 ×); all runs: Parcours %s, bare %s%n",
        parcoursStart, bareStart, parcoursStart / bareStart, parcours.stream().map(r -> fmt(r.startSeconds())).toList(),
        bare.stream().map(r -> fmt(r.startSeconds())).toList());
    System.out.printf(Locale.ROOT, "resident memory after 400 API calls: Parcours %d MB, bare %d MB; ratio %.2f × "
        + "(goal <= 1.4 ×)%n", parcoursRss / 1024, bareRss / 1024, parcoursRss / (double) bareRss);
    System.out.printf(Locale.ROOT, "  the same after a full GC (jcmd GC.run): Parcours %d MB, bare %d MB; ratio %.2f ×%n",
        parcoursGc / 1024, bareGc / 1024, parcoursGc / (double) bareGc);
    System.out.println();
  }

  private static String fmt(double s) {
    return String.format(Locale.ROOT, "%.1f s", s);
  }

  private static Run run(String name, String mainClass, int port, List<String> args, boolean parcours)
      throws Exception {
    Path dir = Path.of("target", "bench-startup");
    Files.createDirectories(dir);
    FileSystemUtils.deleteRecursively(dir.resolve(name));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(List.of(JVM_OPTIONS.split(" ")));
    command.addAll(List.of("-Duser.timezone=Europe/Brussels", "-cp", classPath(), mainClass, "--server.port=" + port));
    command.addAll(args);
    Path log = dir.resolve(name + ".log");
    long t0 = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      double start = -1;
      while (System.nanoTime() - t0 < Duration.ofMinutes(5).toNanos()) {
        assertThat(process.isAlive()).as("%s died, see %s", name, log).isTrue();
        if (status(port, "/actuator/health", null) == 200) {
          start = (System.nanoTime() - t0) / 1e9;
          break;
        }
        Thread.sleep(50);
      }
      assertThat(start).as("%s answered within 5 minutes, see %s", name, log).isPositive();
      // the load: the same engine REST calls on both, plus Parcours' own API on Parcours
      String auth = "Basic " + Base64.getEncoder().encodeToString("demo-admin:demo".getBytes(StandardCharsets.UTF_8));
      String supervisor = "Basic " + Base64.getEncoder().encodeToString("demo-supervisor:demo"
          .getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 400; i++) {
        String path = switch (i % 4) {
          case 0 -> "/engine-rest/task/count";
          case 1 -> "/engine-rest/process-definition?latestVersion=true";
          case 2 -> parcours ? "/api/dossiers" : "/engine-rest/history/process-instance/count";
          default -> parcours ? "/api/supervision/delays" : "/engine-rest/deployment";
        };
        int status = status(port, path, path.startsWith("/api/") ? supervisor : auth);
        assertThat(status).as("%s %s", name, path).isEqualTo(200);
      }
      Thread.sleep(1000);
      long afterLoad = rssKb(process.pid());
      new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          Long.toString(process.pid()), "GC.run").redirectErrorStream(true).redirectOutput(
              ProcessBuilder.Redirect.DISCARD).start().waitFor();
      Thread.sleep(1000);
      long afterGc = rssKb(process.pid());
      if (JVM_OPTIONS.contains("NativeMemoryTracking")) {
        // where the resident memory goes (heap committed, metaspace, code cache, threads, GC), beside the other app's
        Path nmt = dir.resolve(name + ".nmt.txt");
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
            Long.toString(process.pid()), "VM.native_memory", "summary").redirectErrorStream(true)
            .redirectOutput(nmt.toFile()).start().waitFor();
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
            Long.toString(process.pid()), "GC.heap_info").redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(nmt.toFile())).start().waitFor();
        System.out.println("  " + name + " native memory summary (committed, KB):");
        for (String line : Files.readAllLines(nmt)) {
          if (line.startsWith("Total") || line.matches("^-\\s+\\S.*\\(reserved=.*")) {
            System.out.println("    " + line.trim().replaceAll("reserved=\\d+KB, ", ""));
          }
        }
      }
      System.out.printf(Locale.ROOT, "  %-10s first 200 after %5.1f s; VmRSS after load %d MB, after GC %d MB%n", name,
          start, afterLoad / 1024, afterGc / 1024);
      return new Run(start, afterLoad, afterGc);
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  static long rssKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  private static int status(int port, String path, String auth) {
    try {
      var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
          .GET();
      if (auth != null) {
        request.header("Authorization", auth);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  /** This JVM's class path as plain entries (failsafe's manifest-only jar unfolded), as ClusterPostgresIsolatedIT. */
  static String classPath() throws Exception {
    java.util.LinkedHashSet<String> paths = new java.util.LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath().normalize();
      String manifestPath = null;
      if (entry.endsWith(".jar") && path.getFileName().toString().startsWith("surefire")) {
        try (var jar = new java.util.jar.JarFile(path.toFile())) {
          var manifest = jar.getManifest();
          manifestPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
        }
      }
      if (manifestPath == null) {
        paths.add(path.toString());
        continue;
      }
      URI base = path.getParent().toUri();
      for (String listed : manifestPath.trim().split("\\s+")) {
        paths.add(Path.of(base.resolve(listed)).normalize().toString());
      }
    }
    paths.removeIf(p -> p.matches(".*/target/parcours-[^/]*\\.jar"));
    return String.join(File.pathSeparator, paths);
  }
}
