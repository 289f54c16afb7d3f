package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not a test of speed: it prints figures). Run with
 * {@code ./mvnw verify -Pbench -Dit.test=EligibilityBenchmark}: family reunification verdicts per
 * second and p50/p99 latency on one thread, and the time to validate + reload the whole rule set.
 */
class EligibilityBenchmark {

  /** The regime and means part of the decision as a DMN table: p50 ms, p99 ms, evaluations/s. */
  static double[] dmn(int n) {
    var engine = org.camunda.bpm.dmn.engine.DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    var decision = engine.parseDecision("FrMeans",
        EligibilityBenchmark.class.getResourceAsStream("/bench/FrMeans.dmn"));
    LocalDate day = LocalDate.parse("2025-09-15");
    java.util.function.IntFunction<org.camunda.bpm.engine.variable.VariableMap> vars = i ->
        org.camunda.bpm.engine.variable.Variables.createVariables()
            .putValue("referenceDate", java.util.Date.from(day.plusDays(i % 300).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
            .putValue("sponsorKind", "THIRD_COUNTRY_NATIONAL")
            .putValue("statusGrantedOn", java.util.Date.from(LocalDate.parse("2025-09-01").atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
            .putValue("income", 2400.00).putValue("householdSize", 2);
    var first = engine.evaluateDecisionTable(decision, vars.apply(0)).getSingleResult();
    assertThat(first.getEntry("regime").toString()).isEqualTo("FR-2025");
    assertThat((Boolean) first.getEntry("met")).isTrue();
    for (int i = 0; i < 20_000; i++) {
      engine.evaluateDecisionTable(decision, vars.apply(i));
    }
    long[] nanos = new long[n];
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      engine.evaluateDecisionTable(decision, vars.apply(i));
      nanos[i] = System.nanoTime() - t0;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    return new double[] {nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, n / seconds, nanos[(int) (n * 0.999)] / 1e6};
  }

  @Test
  void family_reunification_verdicts_and_reload() {
    int reloads = 5;
    long[] reloadNanos = new long[reloads];
    RuleSetCompiler.CompiledRuleSet rules = null;
    for (int i = 0; i < reloads; i++) {
      long t0 = System.nanoTime();
      RuleFiles files = RuleFiles.fromDirectory(Path.of("rules"));
      var compiled = RuleSetCompiler.compile(files, "bench", Instant.now());
      var report = Scenarios.run(files, compiled.ruleSet());
      reloadNanos[i] = System.nanoTime() - t0;
      assertThat(report.failed()).isEmpty();
      rules = compiled.ruleSet();
    }
    var facts = FamilyReunificationRulesTest.spouse("2400.00", 2);
    LocalDate day = LocalDate.parse("2025-09-15");
    for (int i = 0; i < 20_000; i++) {
      RuleEngine.familyReunification(rules, facts, day, Locale.FRENCH);
    }
    int n = 50_000;
    long[] nanos = new long[n];
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      Verdict v = RuleEngine.familyReunification(rules, facts, day.plusDays(i % 300), Locale.FRENCH);
      nanos[i] = System.nanoTime() - t0;
      assertThat(v.findings()).hasSize(7);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    double[] dmn = dmn(n);
    Arrays.sort(reloadNanos);
    System.out.printf(Locale.ROOT, "%nEligibility benchmark (family reunification, 1 thread, %d verdicts)%n", n);
    System.out.printf(Locale.ROOT, "  throughput : %.0f verdicts/s%n", n / seconds);
    System.out.printf(Locale.ROOT, "  latency    : p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
        nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[(int) (n * 0.999)] / 1e6, nanos[n - 1] / 1e6);
    System.out.printf(Locale.ROOT, "  DMN table (regime + means only, Camunda DMN engine, same run): p50 %.3f ms, p99 %.3f ms,"
        + " p99.9 %.3f ms, %.0f evaluations/s%n", dmn[0], dmn[1], dmn[3], dmn[2]);
    System.out.printf(Locale.ROOT, "  ratio Drools full verdict / DMN partial decision: p50 %.2f, p99 %.2f, throughput %.2f%n",
        (nanos[n / 2] / 1e6) / dmn[0], (nanos[(int) (n * 0.99)] / 1e6) / dmn[1], (n / seconds) / dmn[2]);
    System.out.printf(Locale.ROOT, "  validate + reload of rules/ (compile + %s scenarios): median %.2f s, max %.2f s%n%n",
        "all", reloadNanos[reloads / 2] / 1e9, reloadNanos[reloads - 1] / 1e9);
  }
}
