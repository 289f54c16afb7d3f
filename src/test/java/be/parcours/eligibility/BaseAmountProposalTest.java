package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indexation the page writes is a valid proposal: it compiles and every scenario still passes. */
class BaseAmountProposalTest {

  @TempDir
  Path rulesDir;

  @Test
  void an_rmmmg_indexed_after_every_scenario_is_valid_and_one_confirmed_earlier_fails_the_scenario_that_expects_review()
      throws IOException {
    RulesTestBench.copyRules(rulesDir);
    var bench = new RulesTestBench();
    var node = bench.node("node-a", rulesDir, Clock.systemUTC());
    String path = "family-reunification/base-amounts.drl.csv";
    String text = node.workbench().activeFile(path);
    var ix = BaseAmountIndexation.read(Map.of("ix_code", "RMMMG", "ix_amount", "2 233,63", "ix_from", "01/01/2027",
        "ix_source", "Moniteur belge (CCT n° 43, indexation)"));
    String indexed = BaseAmountIndexation.apply(path, text, ix);

    // confirmed from 01.01.2027: the scenario of 01.09.2027 that expects a review (RMMMG 2026 to confirm) now fails
    var early = node.workbench().propose("demo-legal", List.of(new RulesWorkbench.Upload(path,
        indexed.getBytes(StandardCharsets.UTF_8))), null, "indexation");
    assertThat(early.valid()).isFalse();
    assertThat(early.errors()).isEmpty();
    assertThat(early.failedScenarios()).singleElement().satisfies(f -> {
      assertThat(f.name()).contains("Protection subsidiaire : jour des 2 ans");
      assertThat(f.expected()).startsWith("outcome=NEEDS_REVIEW");
      assertThat(f.actual()).startsWith("outcome=ELIGIBLE");
    });

    // from 01.10.2027, after every scenario's date: compiled, every scenario passes
    var later = BaseAmountIndexation.read(Map.of("ix_code", "RMMMG", "ix_amount", "2 233,63", "ix_from", "01/10/2027",
        "ix_source", "Moniteur belge (CCT n° 43, indexation)"));
    var p = node.workbench().propose("demo-legal", List.of(new RulesWorkbench.Upload(path,
        BaseAmountIndexation.apply(path, text, later).getBytes(StandardCharsets.UTF_8))), null, "indexation");
    assertThat(p.valid()).as("%s %s", p.errors(), p.failedScenarios()).isTrue();
    assertThat(p.changedFiles()).containsExactly(path);
    assertThat(p.scenariosPassed()).isGreaterThan(100);
  }
}
