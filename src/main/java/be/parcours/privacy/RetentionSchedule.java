package be.parcours.privacy;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the retention once a day ({@code parcours.retention.cron}, Brussels time). Thin on purpose:
 * the work is {@link RetentionService#run}; a cluster-wide lock for scheduled jobs goes on this
 * method (one annotation) so that one node runs it per period.
 */
@Component
class RetentionSchedule {

  private final RetentionService retention;

  RetentionSchedule(RetentionService retention) {
    this.retention = retention;
  }

  @Scheduled(cron = "${parcours.retention.cron}", zone = "Europe/Brussels")
  // once a day across the nodes of a cluster; held at least a minute so a node whose clock is a few
  // seconds behind does not run it again
  @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "privacy-retention", lockAtLeastFor = "PT1M",
      lockAtMostFor = "PT2H")
  public void daily() {
    retention.run();
  }
}
