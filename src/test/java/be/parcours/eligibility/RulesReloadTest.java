package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** Legal staff change the rules folder: a broken file or a failing scenario never replaces the active set. */
class RulesReloadTest {

  @TempDir
  Path rulesDir;
  EligibilityService service;
  JdbcTemplate jdbc;

  @BeforeEach
  void copyRulesAndStart() throws IOException {
    Path source = Path.of("rules");
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.toList()) {
        Path target = rulesDir.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    var ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:rules-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(ds);
    jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V10__rules_versions.sql")));
    service = new EligibilityService(rulesDir.toString(), new RulesVersionStore(jdbc),
        new ObjectMapper().registerModule(new JavaTimeModule()), Clock.systemUTC(),
        new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(OpenCaseSource.class),
        new org.springframework.beans.factory.support.StaticListableBeanFactory()
            .getBeanProvider(be.parcours.clock.ClockTables.class));
    service.onReady(null);
  }

  private Verdict contractExample() {
    return service.familyReunification(FamilyReunificationRulesTest.spouse("2400.00", 2), LocalDate.parse("2025-09-15"),
        Locale.FRENCH);
  }

  @Test
  void a_broken_rule_file_is_refused_with_file_and_line_and_the_old_set_keeps_serving() throws IOException {
    String before = service.activeVersion();
    Path drl = rulesDir.resolve("family-reunification/family-reunification.drl");
    Files.writeString(drl, Files.readString(drl).replace("out.finding(\"HOUSING\", $c.adequateHousing()",
        "out.finding(\"HOUSING\" $c.adequateHousing()"));

    var check = service.reload("demo-legal");

    assertThat(check.valid()).isFalse();
    assertThat(check.errors()).isNotEmpty();
    assertThat(check.errors().get(0).file()).isEqualTo("family-reunification/family-reunification.drl");
    assertThat(check.errors().get(0).line()).isPositive();
    assertThat(service.activeVersion()).isEqualTo(before);
    assertThat(contractExample().outcome()).isEqualTo("ELIGIBLE");
  }

  @Test
  void a_clock_table_is_checked_and_activated_with_the_rules() throws IOException {
    var reloadable = be.parcours.clock.ClockTestSupport.reloadable(Clock.systemUTC());
    var beans = new org.springframework.beans.factory.support.StaticListableBeanFactory();
    beans.addBean("clockTables", reloadable.tables());
    var withClock = new EligibilityService(rulesDir.toString(), new RulesVersionStore(jdbc),
        new ObjectMapper().registerModule(new JavaTimeModule()), Clock.systemUTC(),
        beans.getBeanProvider(OpenCaseSource.class), beans.getBeanProvider(be.parcours.clock.ClockTables.class));
    withClock.onReady(null);
    Path deadlines = rulesDir.resolve("clocks/legal-deadlines.csv");
    String table = Files.readString(deadlines);
    java.time.LocalDate notified = java.time.LocalDate.parse("2026-03-02");

    Files.writeString(deadlines, table.replace("APPEAL_CCE,30,DAYS", "APPEAL_CCE,trente,DAYS"));
    var refused = withClock.reload("demo-legal");
    Files.writeString(deadlines, table.replace("APPEAL_CCE,30,DAYS", "APPEAL_CCE,45,DAYS"));
    var accepted = withClock.reload("demo-legal");

    assertThat(refused.valid()).isFalse();
    assertThat(refused.errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("clocks/legal-deadlines.csv");
      assertThat(e.line()).isEqualTo(14);
    });
    assertThat(accepted.valid()).isTrue();
    assertThat(accepted.ruleSet().files()).contains("clocks/legal-deadlines.csv", "clocks/public-holidays.csv");
    assertThat(reloadable.legalClock().deadline("APPEAL_CCE", notified).dueOn()).isEqualTo("2026-04-16");
  }

  @Test
  void a_failing_scenario_is_refused_by_name_and_the_old_set_keeps_serving() throws IOException {
    String before = service.activeVersion();
    // the FR-2025 threshold is derived from the RMMMG: a wrong base amount (110 % → 2 500,00 €) breaks the scenarios
    Path table = rulesDir.resolve("family-reunification/base-amounts.drl.csv");
    Files.writeString(table, Files.readString(table).replace(",2111.89,", ",2272.73,"));

    var check = service.reload("demo-legal");

    assertThat(check.valid()).isFalse();
    assertThat(check.errors()).isEmpty();
    assertThat(check.scenarios().failed()).extracting(Scenarios.Failure::name)
        .anyMatch(n -> n.contains("Exemple du contrat"));
    assertThat(service.activeVersion()).isEqualTo(before);
    assertThat(contractExample().findings().get(4).details()).containsEntry("threshold", new BigDecimal("2323.08"));
  }

  @Test
  void a_valid_change_is_activated_with_a_new_version_recorded_in_the_database() throws IOException {
    String before = service.activeVersion();
    Path scenarios = rulesDir.resolve("scenarios/family-reunification.csv");
    Files.writeString(scenarios, Files.readString(scenarios)
        + "Nouveau cas des juristes;2025-09-15;THIRD_COUNTRY_NATIONAL;UNLIMITED;2025-09-01;3000.00;EMPLOYMENT;oui;oui;2;SPOUSE;1990-01-01;oui;ABROAD;ELIGIBLE;FR-2025;\n");

    var check = service.reload("demo-legal");

    assertThat(check.valid()).isTrue();
    assertThat(service.activeVersion()).isNotEqualTo(before).endsWith("#" + check.files().contentHash());
    var versions = service.versions();
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).active()).isTrue();
    assertThat(versions.get(0).loadedBy()).isEqualTo("demo-legal");
    assertThat(versions.get(0).files()).contains("scenarios/family-reunification.csv");
    assertThat(versions.get(1).active()).isFalse();
  }

  @Test
  void evaluations_during_reloads_never_fail_or_mix_versions() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Verdict>> results = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      results.add(pool.submit(this::contractExample));
      if (i % 100 == 0) {
        pool.submit(() -> service.reload("demo-legal"));
      }
    }
    pool.shutdown();
    for (Future<Verdict> f : results) {
      Verdict v = f.get();
      assertThat(v.outcome()).isEqualTo("ELIGIBLE");
      assertThat(v.rulesVersion()).isNotBlank();
    }
    assertThat(service.versions().stream().filter(RulesVersionStore.VersionView::active)).hasSize(1);
  }
}
