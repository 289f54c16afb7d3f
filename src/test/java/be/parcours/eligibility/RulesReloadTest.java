package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The scripts' reload of the rules folder: a broken file or a failing scenario never replaces the
 * active set; a valid change proposed by one jurist is activated only when another jurist reloads
 * (or approves) the same content; identical content is never a new version, restarts included.
 */
class RulesReloadTest {

  @TempDir
  Path rulesDir;
  RulesTestBench bench;
  EligibilityService service;
  RulesWorkbench workbench;

  @BeforeEach
  void copyRulesAndStart() throws IOException {
    RulesTestBench.copyRules(rulesDir);
    bench = new RulesTestBench();
    var node = bench.node("node-a", rulesDir, Clock.systemUTC());
    service = node.service();
    workbench = node.workbench();
  }

  private Verdict contractExample() {
    return service.familyReunification(FamilyReunificationRulesTest.spouse("2400.00", 2), LocalDate.parse("2025-09-15"),
        Locale.FRENCH);
  }

  private RulesWorkbench.ReloadOutcome reload(String user) {
    var check = service.check(user);
    assertThat(check.valid()).as("check of %s: %s %s", user, check.errors(), check.failedScenarios()).isTrue();
    return workbench.reload(user, check);
  }

  @Test
  void a_broken_rule_file_is_refused_with_file_and_line_in_french_and_the_old_set_keeps_serving() throws IOException {
    String before = service.activeVersion();
    Path drl = rulesDir.resolve("family-reunification/family-reunification.drl");
    Files.writeString(drl, Files.readString(drl).replace("out.finding(\"HOUSING\", $c.adequateHousing()",
        "out.finding(\"HOUSING\" $c.adequateHousing()"));

    var check = service.check("demo-legal");

    assertThat(check.valid()).isFalse();
    assertThat(check.files().origin()).isEqualTo(rulesDir.toAbsolutePath().toString());
    assertThat(check.errors()).isNotEmpty();
    var first = check.errors().get(0);
    assertThat(first.file()).isEqualTo("family-reunification/family-reunification.drl");
    assertThat(first.line()).isPositive();
    assertThat(first.message()).startsWith("Fichier family-reunification/family-reunification.drl, ligne " + first.line())
        .contains("erreur d'écriture");
    assertThat(service.activeVersion()).isEqualTo(before);
    assertThat(contractExample().outcome()).isEqualTo("ELIGIBLE");
  }

  @Test
  void a_clock_table_is_checked_and_activated_with_the_rules() throws IOException {
    var reloadable = be.parcours.clock.ClockTestSupport.reloadable(Clock.systemUTC());
    var beans = new StaticListableBeanFactory();
    beans.addBean("clockTables", reloadable.tables());
    var node = bench.node("node-clock", rulesDir, Clock.systemUTC(), beans);
    Path deadlines = rulesDir.resolve("clocks/legal-deadlines.csv");
    String table = Files.readString(deadlines);
    LocalDate notified = LocalDate.parse("2026-03-02");

    Files.writeString(deadlines, table.replace("APPEAL_CCE,30,DAYS", "APPEAL_CCE,trente,DAYS"));
    var refused = node.service().check("demo-legal");
    Files.writeString(deadlines, table.replace("APPEAL_CCE,30,DAYS", "APPEAL_CCE,45,DAYS"));
    var accepted = node.service().check("demo-legal");
    node.workbench().reload("demo-legal", accepted);
    var activated = node.workbench().reload("demo-legal-2", node.service().check("demo-legal-2"));

    assertThat(refused.valid()).isFalse();
    assertThat(refused.errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("clocks/legal-deadlines.csv");
      assertThat(e.line()).isEqualTo(14);
      assertThat(e.message()).startsWith("Fichier clocks/legal-deadlines.csv, ligne 14 : ");
    });
    assertThat(accepted.valid()).isTrue();
    assertThat(activated.status()).isEqualTo("APPROVED");
    assertThat(accepted.ruleSet().files()).contains("clocks/legal-deadlines.csv", "clocks/public-holidays.csv");
    assertThat(reloadable.legalClock().deadline("APPEAL_CCE", notified).dueOn()).isEqualTo("2026-04-16");
  }

  @Test
  void a_failing_scenario_is_refused_by_name_and_the_old_set_keeps_serving() throws IOException {
    String before = service.activeVersion();
    // the FR-2025 threshold is derived from the RMMMG: a wrong base amount (110 % → 2 500,00 €) breaks the scenarios
    Path table = rulesDir.resolve("family-reunification/base-amounts.drl.csv");
    Files.writeString(table, Files.readString(table).replace(",2111.89,", ",2272.73,"));

    var check = service.check("demo-legal");

    assertThat(check.valid()).isFalse();
    assertThat(check.errors()).isEmpty();
    assertThat(check.scenarios().failed()).extracting(Scenarios.Failure::name)
        .anyMatch(n -> n.contains("Exemple du contrat"));
    assertThat(service.activeVersion()).isEqualTo(before);
    assertThat(contractExample().findings().get(4).details()).containsEntry("threshold", new BigDecimal("2323.08"));
  }

  @Test
  void a_valid_change_reloaded_by_one_jurist_waits_for_a_second_jurist_then_is_active_and_recorded()
      throws IOException {
    String before = service.activeVersion();
    Path scenarios = rulesDir.resolve("scenarios/family-reunification.csv");
    Files.writeString(scenarios, Files.readString(scenarios)
        + "Nouveau cas des juristes;2025-09-15;THIRD_COUNTRY_NATIONAL;UNLIMITED;2025-09-01;3000.00;EMPLOYMENT;oui;oui;2;SPOUSE;1990-01-01;oui;ABROAD;ELIGIBLE;FR-2025;\n");

    var first = reload("demo-legal");
    var again = reload("demo-legal");
    assertThat(service.activeVersion()).isEqualTo(before);
    var second = reload("demo-legal-2");

    assertThat(first.status()).isEqualTo("PENDING");
    assertThat(first.proposalId()).isNotNull();
    assertThat(again.status()).isEqualTo("PENDING");
    assertThat(again.proposalId()).isEqualTo(first.proposalId());
    assertThat(second.status()).isEqualTo("APPROVED");
    assertThat(service.activeVersion()).isNotEqualTo(before).isEqualTo(second.version());
    var versions = service.versions();
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).active()).isTrue();
    assertThat(versions.get(0).loadedBy()).isEqualTo("demo-legal");
    assertThat(versions.get(0).files()).contains("scenarios/family-reunification.csv");
    assertThat(versions.get(1).active()).isFalse();
    assertThat(workbench.audit()).extracting(RulesVersionStore.AuditRow::action).contains("PROPOSE", "APPROVE", "SEED");
    // the same folder reloaded again: nothing to do
    assertThat(reload("demo-legal").status()).isEqualTo("ACTIVE");
  }

  @Test
  void a_restart_on_the_same_content_adds_no_version() {
    String before = service.activeVersion();

    var restarted = bench.node("node-a", rulesDir, Clock.systemUTC());
    var another = bench.node("node-b", rulesDir, Clock.systemUTC());

    assertThat(restarted.service().activeVersion()).isEqualTo(before);
    assertThat(another.service().activeVersion()).isEqualTo(before);
    assertThat(service.versions()).hasSize(1);
  }

  @Test
  void evaluations_during_activations_never_fail_or_mix_versions() throws Exception {
    Path scenarios = rulesDir.resolve("scenarios/family-reunification.csv");
    String original = Files.readString(scenarios);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Verdict>> results = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      results.add(pool.submit(this::contractExample));
      if (i % 100 == 0) {
        Files.writeString(scenarios, original + "# change " + i + "\n");
        var check = service.check("demo-legal");
        pool.submit(() -> {
          workbench.reload("demo-legal", check);
          return workbench.reload("demo-legal-2", check);
        });
      }
    }
    pool.shutdown();
    pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
    for (Future<Verdict> f : results) {
      Verdict v = f.get();
      assertThat(v.outcome()).isEqualTo("ELIGIBLE");
      assertThat(v.rulesVersion()).isNotBlank();
    }
    assertThat(service.versions().stream().filter(RulesVersionStore.VersionView::active)).hasSize(1);
  }
}
