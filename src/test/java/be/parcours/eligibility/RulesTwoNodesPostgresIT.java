package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.ParcoursApplication;
import be.parcours.shared.TimeConfig;
import be.parcours.testsupport.EmbeddedPostgresSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes (two Spring contexts, each with its own engine and web server) on one
 * PostgreSQL: a version approved on node A is served by node B within seconds, and a version
 * scheduled for a date becomes active on both at the same instant (00:00 Brussels, read from the
 * database and the clock, not a timer of one node).
 */
class RulesTwoNodesPostgresIT {

  static final MutableClock CLOCK = new MutableClock(TimeConfig.BRUSSELS);
  static ConfigurableApplicationContext nodeA;
  static ConfigurableApplicationContext nodeB;

  static ConfigurableApplicationContext start(String name) {
    return new SpringApplicationBuilder(ParcoursApplication.class)
        .profiles("postgres", "demo")
        .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", CLOCK))
        // command-line arguments: above application.yml (server.port there is ${PORT:8080})
        .run("--server.port=0",
            "--DB_URL=" + EmbeddedPostgresSupport.jdbcUrl(),
            "--DB_USER=postgres",
            "--DB_PASSWORD=postgres",
            "--parcours.demo.dossiers=false",
            "--parcours.rules.node-id=" + name,
            "--parcours.rules.poll=PT1S",
            "--camunda.bpm.process-engine-name=" + name.replace("-", ""),
            "--camunda.bpm.job-execution.enabled=false",
            "--spring.datasource.hikari.connection-timeout=2000");
  }

  @BeforeAll
  static void startNodes() {
    nodeA = start("node-a");
    nodeB = start("node-b");
  }

  @AfterAll
  static void stopNodes() {
    if (nodeB != null) {
      nodeB.close();
    }
    if (nodeA != null) {
      nodeA.close();
    }
  }

  static RulesWorkbench workbench(ConfigurableApplicationContext node) {
    return node.getBean(RulesWorkbench.class);
  }

  static EligibilityService eligibility(ConfigurableApplicationContext node) {
    return node.getBean(EligibilityService.class);
  }

  static long propose(ConfigurableApplicationContext node, String author, String note) {
    var wb = workbench(node);
    String path = "scenarios/visa.csv";
    String text = wb.activeFiles().get(path) + "# " + note + "\n";
    var p = wb.propose(author, List.of(new RulesWorkbench.Upload(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        null, note);
    assertThat(p.valid()).as(p.errors() + " " + p.failedScenarios()).isTrue();
    return p.id();
  }

  @Test
  void a_version_approved_on_one_node_is_served_by_the_other_and_a_scheduled_one_switches_on_both_at_midnight()
      throws Exception {
    assertThat(eligibility(nodeA).activeVersion()).isEqualTo(eligibility(nodeB).activeVersion());
    int versions = workbench(nodeA).versions().size();

    long id = propose(nodeA, "demo-legal", "approuvée sur A");
    String old = eligibility(nodeB).activeVersion();
    // node B watched from the side: the instant it serves another version
    var switchedAt = new java.util.concurrent.atomic.AtomicReference<Instant>();
    Thread watcher = new Thread(() -> {
      while (switchedAt.get() == null) {
        if (!old.equals(eligibility(nodeB).activeVersion())) {
          switchedAt.set(Instant.now());
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    watcher.start();
    var approved = workbench(nodeA).approve(id, "demo-legal-2", null);
    String version = approved.version();
    watcher.join(40_000);
    assertThat(switchedAt.get()).as("node B switched").isNotNull();
    long millis = Duration.between(approved.decidedAt(), switchedAt.get()).toMillis();
    System.out.println("node B serves the version approved on node A " + millis + " ms after the approval");
    assertThat(millis).isLessThan(30_000); // a poll (1 s) plus one compilation of the set on node B
    assertThat(eligibility(nodeB).activeVersion()).isEqualTo(version);
    assertThat(workbench(nodeA).versions()).hasSize(versions + 1);

    // scheduled on node B for tomorrow: nothing changes today, both switch at 00:00 Brussels
    LocalDate tomorrow = LocalDate.now(CLOCK).plusDays(1);
    long next = propose(nodeB, "demo-legal-2", "programmée");
    String scheduled = workbench(nodeB).approve(next, "demo-legal", tomorrow).version();
    Instant midnight = tomorrow.atStartOfDay(TimeConfig.BRUSSELS).toInstant();
    Thread.sleep(2500); // both nodes have polled and compiled the scheduled version ahead
    CLOCK.moveTo(midnight.minusMillis(200));
    assertThat(eligibility(nodeA).activeVersion()).isEqualTo(version);
    assertThat(eligibility(nodeB).activeVersion()).isEqualTo(version);
    CLOCK.moveTo(midnight);
    assertThat(eligibility(nodeA).activeVersion()).isEqualTo(scheduled);
    assertThat(eligibility(nodeB).activeVersion()).isEqualTo(scheduled);
    // and the database says so after the next poll (whichever node flips it)
    Thread.sleep(2500);
    assertThat(nodeA.getBean(RulesVersionStore.class).activeVersion()).isEqualTo(scheduled);
    assertThat(workbench(nodeA).nodes()).extracting(RulesWorkbench.NodeView::nodeId).contains("node-a", "node-b");
    // the two nodes of this test (another PostgreSQL test of the same JVM may have left its own row)
    assertThat(workbench(nodeA).nodes()).filteredOn(n -> n.nodeId().startsWith("node-")).hasSize(2).allSatisfy(n -> {
      assertThat(n.servingVersion()).isEqualTo(scheduled);
      assertThat(n.incident()).isFalse();
    });
  }
}
