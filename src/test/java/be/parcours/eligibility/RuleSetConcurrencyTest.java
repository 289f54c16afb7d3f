package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A freshly compiled rule set judged by several threads at once, from its very first verdict — what
 * the job executor's threads do right after a start or a reload. Drools applied the rule base's
 * pending changes (the parameter rules removed at compile time: its classes wired again under a new
 * class loader) at the first insert of whichever session came first, while other threads already
 * fired rules: a rule's consequence class was then defined twice and that rule failed on every
 * later verdict of the node ("duplicate class definition", seen in the cluster test on CI). The
 * compiler now applies them before the set serves.
 */
class RuleSetConcurrencyTest {

  static final int THREADS = 4;

  @Test
  void a_new_rule_set_judged_by_four_threads_from_its_first_verdict_gives_every_scenario_right() throws Exception {
    RuleFiles files = PackagedRules.files();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < 3; round++) {
        var compiled = RuleSetCompiler.compile(files, "test", PackagedRules.LOADED_AT);
        assertThat(compiled.errors()).isEmpty();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Object> problems = new CopyOnWriteArrayList<>();
        List<Future<Integer>> passed = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          passed.add(pool.submit(() -> {
            start.await(30, TimeUnit.SECONDS);
            try {
              var report = Scenarios.run(files, compiled.ruleSet());
              problems.addAll(report.failed());
              return report.passed();
            } catch (Throwable e) {
              problems.add(e.toString());
              return 0;
            }
          }));
        }
        int total = 0;
        for (var p : passed) {
          total += p.get(2, TimeUnit.MINUTES);
        }
        assertThat(problems).as("round " + round).isEmpty();
        assertThat(total).as("round " + round).isEqualTo(THREADS * Scenarios.run(files, compiled.ruleSet()).passed())
            .isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
