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
 * Nodes that start at the same time on one PostgreSQL take turns for the two parts of a start-up
 * that write shared data: the engine's build (schema creation or update, the first admin user) and
 * the start-up tasks run when the application is ready (groups and authorizations, demo users,
 * Tasklist filters; then, in the background once the node serves requests, the demo dossiers, story
 * and activity: {@link BackgroundStartup}). Each of them checks what the database already
 * holds before writing; a PostgreSQL advisory lock (session level, on a connection of its own)
 * around each part makes "check then write" safe. The rest of the start-up (Spring, Hibernate,
 * Drools compilation, the web server) runs in parallel on every node; the engine's deployments are
 * serialised by the engine itself (its deployment lock) and the rules seed by a row lock
 * (rules_state). The lock goes with the connection: a node killed while starting frees it at once.
 *
 * <p>H2 (the embedded default) is one node by construction: nothing to do.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE) // among engine plugins: build work of the others (admin user) inside the lock
class StartupLock extends AbstractProcessEnginePlugin {

  /** Key of the advisory lock: "PARCOURS" in ASCII, so that no other use of advisory locks meets it. */
  static final long KEY = 0x5041524344555253L;

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

  private final DataSource dataSource;
  private Connection held;

  StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Before the engine touches the database (its plugins' preInit only set configuration). */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  /** The engine is built: schema, and the other plugins' post-build work (the first admin user). */
  @Override
  public void postProcessEngineBuild(org.camunda.bpm.engine.ProcessEngine processEngine) {
    release();
  }

  /** Before the first start-up task (they are ordered from 0). */
  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public void beforeStartupTasks(ApplicationReadyEvent event) {
    acquire();
  }

  /** Takes the start-up lock (waits for another node's start-up) when the database is PostgreSQL. */
  synchronized void acquire() {
    if (held != null) {
      return;
    }
    held = lockedConnection();
  }

  /**
   * Runs {@code work} under the start-up lock, on a connection of its own (so from any thread, even
   * while this node's other part holds it: it then waits for that part). Used by the start-up tasks
   * that run in the background after the first request can be served ({@link BackgroundStartup}).
   */
  void runLocked(Runnable work) {
    Connection connection = lockedConnection();
    try {
      work.run();
    } finally {
      unlock(connection);
    }
  }

  /** A connection holding the advisory lock, or null when the database is not PostgreSQL. */
  private Connection lockedConnection() {
    try {
      Connection connection = dataSource.getConnection();
      try {
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
          connection.close();
          return null;
        }
        long started = System.nanoTime();
        try (Statement st = connection.createStatement()) {
          st.execute("select pg_advisory_lock(" + KEY + ")");
        }
        long waited = (System.nanoTime() - started) / 1_000_000;
        if (waited > 100) {
          log.info("Start-up lock obtained after {} ms (another node was starting)", waited);
        }
        return connection;
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("start-up lock not obtained", e);
    }
  }

  /** After every start-up task. */
  @EventListener
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void afterStartupTasks(ApplicationReadyEvent event) {
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
    Connection connection = held;
    held = null;
    unlock(connection);
  }

  private static void unlock(Connection held) {
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement st = connection.createStatement()) {
      st.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      log.warn("Start-up lock not released cleanly (it goes with the connection): {}", e.toString());
    }
  }
}
