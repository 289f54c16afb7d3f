package be.parcours.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lock behind "once per period across the cluster", on the table of the V110 migration (H2 in
 * memory, no Spring context): two nodes' providers on one database; while one holds the job's row
 * the other is refused, and after the job (a few milliseconds) the row stays taken for the rest of
 * the period (lockAtLeastFor), so the other node's next tick within the period does not run it again.
 */
class ScheduledLockTest {

  JdbcDataSource dataSource;
  LockProvider nodeA;
  LockProvider nodeB;

  @BeforeEach
  void database() throws Exception {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:shedlock-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    new JdbcTemplate(dataSource).execute(Files.readString(Path.of("src/main/resources/db/migration/V110__shedlock.sql")));
    var config = new ClusterConfiguration();
    nodeA = config.lockProvider(dataSource, "node-a");
    nodeB = config.lockProvider(dataSource, "node-b");
  }

  static LockConfiguration job(Duration atLeast) {
    return new LockConfiguration(Instant.now(), "tasklist-filters-refresh", Duration.ofMinutes(30), atLeast);
  }

  @Test
  void while_one_node_runs_the_job_the_other_is_refused_then_the_period_keeps_it_refused() throws Exception {
    Optional<SimpleLock> a = nodeA.lock(job(Duration.ofMillis(800)));
    assertThat(a).isPresent();
    assertThat(new JdbcTemplate(dataSource).queryForObject("select locked_by from shedlock where name = ?",
        String.class, "tasklist-filters-refresh")).isEqualTo("node-a");
    assertThat(nodeB.lock(job(Duration.ofMillis(800)))).as("node B while A runs").isEmpty();

    a.get().unlock(); // the job took a few milliseconds; the period is not over
    assertThat(nodeB.lock(job(Duration.ofMillis(800)))).as("node B within the period").isEmpty();
    assertThat(nodeA.lock(job(Duration.ofMillis(800)))).as("node A within the period").isEmpty();

    Thread.sleep(1000);
    Optional<SimpleLock> b = nodeB.lock(job(Duration.ofMillis(800)));
    assertThat(b).as("node B in the next period").isPresent();
    assertThat(new JdbcTemplate(dataSource).queryForObject("select locked_by from shedlock where name = ?",
        String.class, "tasklist-filters-refresh")).isEqualTo("node-b");
  }

  @Test
  void different_jobs_do_not_block_each_other() {
    assertThat(nodeA.lock(job(Duration.ZERO))).isPresent();
    assertThat(nodeB.lock(new LockConfiguration(Instant.now(), "alert-process-flags-refresh", Duration.ofMinutes(30),
        Duration.ZERO))).isPresent();
  }

  @Test
  void a_node_that_died_holding_the_row_frees_it_after_lock_at_most_for() throws Exception {
    assertThat(nodeA.lock(new LockConfiguration(Instant.now(), "tasklist-filters-refresh", Duration.ofMillis(500),
        Duration.ZERO))).isPresent(); // never unlocked: the node was killed
    assertThat(nodeB.lock(job(Duration.ZERO))).isEmpty();
    Thread.sleep(700);
    assertThat(nodeB.lock(job(Duration.ZERO))).isPresent();
  }
}
