package be.parcours.cluster;

import java.io.IOException;
import java.net.InetAddress;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several identical nodes on one database (docs/cluster.md). Scheduled jobs that write (the
 * Tasklist filters' refresh, the legal-risk flags) run once per period across the cluster: each
 * holds a row of the {@code shedlock} table (V110) for its period, read and written with the
 * database's clock, so nodes with skewed clocks still agree.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "${parcours.cluster.scheduled-lock-at-most:PT30M}")
class ClusterConfiguration {

  @Bean
  LockProvider lockProvider(DataSource dataSource, @Value("${parcours.rules.node-id:}") String nodeId) {
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(dataSource))
        .withTableName("shedlock")
        .usingDbTime()
        .withLockedByValue(nodeId == null || nodeId.isBlank() ? hostName() : nodeId)
        .build());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
    } catch (IOException e) {
      return "node-" + ProcessHandle.current().pid();
    }
  }
}
