package be.parcours.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes that start at the same time on one PostgreSQL start one after the other from the engine
 * on: the engine's schema creation or update, its deployments and first admin user, then every
 * start-up task (groups and authorizations, demo users, Tasklist filters, rules seed, demo
 * dossiers and activity, search-key backfill). Each of them checks what the database already
 * holds before writing; holding a PostgreSQL advisory lock (session level, on a connection of its
 * own) from the engine's first step until the application is ready makes "check then write" safe.
 * The lock goes with the connection: a node killed while starting frees it at once.
 *
 * <p>H2 (the embedded default) is one node by construction: nothing to do.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupLock extends AbstractProcessEnginePlugin {

  /** Key of the advisory lock: "PARCOURS" in ASCII, so that no other use of advisory locks meets it. */
  static final long KEY = 0x5041524344555253L;

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

  private final DataSource dataSource;
  private Connection held;

  StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  /** Takes the start-up lock (waits for another node's start-up) when the database is PostgreSQL. */
  synchronized void acquire() {
    if (held != null) {
      return;
    }
    try {
      Connection connection = dataSource.getConnection();
      try {
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
          connection.close();
          return;
        }
        long started = System.nanoTime();
        try (Statement st = connection.createStatement()) {
          st.execute("select pg_advisory_lock(" + KEY + ")");
        }
        long waited = (System.nanoTime() - started) / 1_000_000;
        if (waited > 100) {
          log.info("Start-up lock obtained after {} ms (another node was starting)", waited);
        }
        held = connection;
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("start-up lock not obtained", e);
    }
  }

  /** After every start-up listener (they are ordered before this one). */
  @EventListener
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void onReady(ApplicationReadyEvent event) {
    release();
  }

  @EventListener
  public void onFailed(ApplicationFailedEvent event) {
    release();
  }

  @EventListener
  public void onClosed(ContextClosedEvent event) {
    release();
  }

  synchronized boolean held() {
    return held != null;
  }

  synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement st = connection.createStatement()) {
      st.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      log.warn("Start-up lock not released cleanly (it goes with the connection): {}", e.toString());
    } finally {
      held = null;
    }
  }
}
