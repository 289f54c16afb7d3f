package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that cannot compile the version the database makes active keeps serving the last good
 * one, shows the incident on the workbench (rules_node) and reports it (a Camunda incident in the
 * application, see CamundaRulesIncidentsTest); once a good version is active again, the incident
 * is reported resolved. Plain Java on an in-memory database.
 */
class RulesNodeIncidentTest {

  @TempDir
  Path rulesDir;

  record Report(String nodeId, String failedVersion, String error, String serving) {}

  @Test
  void a_version_that_does_not_compile_on_a_node_is_an_incident_until_a_good_one_is_active() throws IOException {
    RulesTestBench.copyRules(rulesDir);
    var bench = new RulesTestBench();
    var node = bench.node("node-a", rulesDir, Clock.systemUTC());
    List<Report> reports = new ArrayList<>();
    var workbench = new RulesWorkbench(node.service(), bench.store, bench.transaction, bench.mapper, Clock.systemUTC(),
        "node-a", (n, failed, error, serving) -> reports.add(new Report(n, failed, error, serving)));
    String good = node.service().activeVersion();
    workbench.sync();
    assertThat(reports).last().isEqualTo(new Report("node-a", null, null, good));

    // a content this node cannot compile becomes the active version in the database (e.g. written by a newer node)
    var files = new TreeMap<>(workbench.files(good));
    String drl = "family-reunification/family-reunification.drl";
    files.put(drl, files.get(drl).replace("out.finding(\"HOUSING\", $c.adequateHousing()",
        "out.finding(\"HOUSING\" $c.adequateHousing()"));
    var broken = RuleFiles.fromTexts("test", files);
    String brokenVersion = bench.transaction.execute(tx -> {
      bench.store.storeContent(broken, java.time.Instant.now());
      String v = bench.store.ensureVersion(broken, "test", java.time.Instant.now());
      bench.store.setActive(v, "test", java.time.Instant.now());
      return v;
    });
    workbench.sync();

    Report incident = reports.get(reports.size() - 1);
    assertThat(incident.failedVersion()).isEqualTo(brokenVersion);
    assertThat(incident.serving()).isEqualTo(good);
    assertThat(incident.error()).contains("family-reunification.drl");
    assertThat(node.service().activeVersion()).isEqualTo(good); // the last good version keeps serving
    assertThat(workbench.nodes()).anySatisfy(n -> {
      assertThat(n.nodeId()).isEqualTo("node-a");
      assertThat(n.incident()).isTrue();
      assertThat(n.failedVersion()).isEqualTo(brokenVersion);
    });

    // the good version active again: resolved
    bench.transaction.executeWithoutResult(tx -> bench.store.setActive(good, "test", java.time.Instant.now()));
    workbench.sync();
    assertThat(reports).last().isEqualTo(new Report("node-a", null, null, good));
    assertThat(workbench.nodes()).noneSatisfy(n -> assertThat(n.incident()).isTrue());
  }
}
