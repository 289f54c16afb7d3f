package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every scenario legal staff wrote in rules/scenarios/ passes with the packaged rules. */
class ScenariosTest {

  @Test
  void every_scenario_of_the_legal_staff_passes() {
    var report = Scenarios.run(PackagedRules.files(), PackagedRules.rules());

    assertThat(report.failed()).as("failed scenarios").isEmpty();
    assertThat(report.passed()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void each_procedure_has_its_scenarios() {
    Map<String, Integer> perProcedure = new TreeMap<>();
    PackagedRules.files().files().forEach((path, content) -> {
      String procedure = Scenarios.procedureOf(path);
      if (procedure != null) {
        perProcedure.merge(procedure, Scenarios.rows(new String(content, StandardCharsets.UTF_8)).size(), Integer::sum);
      }
    });

    assertThat(perProcedure.keySet()).containsExactly("family-reunification", "nationality", "visa");
    assertThat(perProcedure.get("family-reunification")).isGreaterThanOrEqualTo(30);
    assertThat(perProcedure.get("nationality")).isGreaterThanOrEqualTo(20);
    assertThat(perProcedure.get("visa")).isGreaterThanOrEqualTo(10);
  }

  @Test
  void a_wrong_expectation_is_reported_with_its_name_expected_and_actual() {
    var files = PackagedRules.files();
    var changed = new TreeMap<>(files.files());
    String visa = new String(changed.get("scenarios/visa.csv"), StandardCharsets.UTF_8)
        .replace("le jour de la hausse (11.06.2024) : 90 €;2024-06-11;C;FAMILY_VISIT;1952-04-18;SN;ELIGIBLE;90;",
            "le jour de la hausse (11.06.2024) : 90 €;2024-06-11;C;FAMILY_VISIT;1952-04-18;SN;ELIGIBLE;80;");
    changed.put("scenarios/visa.csv", visa.getBytes(StandardCharsets.UTF_8));

    var report = Scenarios.run(new RuleFiles("test", changed), PackagedRules.rules());

    assertThat(report.failed()).singleElement().satisfies(f -> {
      assertThat(f.name()).isEqualTo("scenarios/visa.csv — Visite familiale d'un adulte le jour de la hausse (11.06.2024) : 90 €");
      assertThat(f.expected()).isEqualTo("outcome=ELIGIBLE notMet=[] fee=80 decisionDeadlineDays=15");
      assertThat(f.actual()).isEqualTo("outcome=ELIGIBLE notMet=[] fee=90 decisionDeadlineDays=15");
    });
  }
}
