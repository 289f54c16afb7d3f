package be.parcours.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * One real PostgreSQL per test JVM, from the Maven Central binaries of io.zonky.test (no Docker,
 * no installed server). PostgreSQL refuses to run as root; when the build runs as root (as on CI
 * machines), zonky starts initdb and the server in a user namespace ({@code unshare -U}).
 */
public final class EmbeddedPostgresSupport {

  /** System property: when true, the server loads pg_stat_statements (set before the first {@link #postgres()}). */
  public static final String STATEMENTS = "parcours.test.pg-stat-statements";

  private static EmbeddedPostgres postgres;

  private EmbeddedPostgresSupport() {}

  /** Starts the shared server once; it stops when the JVM exits. */
  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = start();
      } catch (IOException e) {
        throw new IllegalStateException("could not start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // the JVM is exiting
        }
      }));
    }
    return postgres;
  }

  public static String jdbcUrl() {
    return postgres().getJdbcUrl("postgres", "postgres");
  }

  private static EmbeddedPostgres start() throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setServerConfig("max_connections", "100")
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off");
    if (Boolean.getBoolean(STATEMENTS)) {
      // counting the statements each workload sends (benchmarks): pg_stat_statements, loaded at start
      builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
          .setServerConfig("pg_stat_statements.track", "all")
          .setServerConfig("pg_stat_statements.max", "10000");
    }
    return builder.start();
  }
}
