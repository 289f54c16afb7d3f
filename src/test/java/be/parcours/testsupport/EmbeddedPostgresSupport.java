package be.parcours.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * One real PostgreSQL per test JVM, from the Maven Central binaries of io.zonky.test (no Docker,
 * no installed server). PostgreSQL refuses to run as root; when the build runs as root (as on CI
 * machines), zonky starts initdb and the server in a user namespace ({@code unshare -U}).
 */
public final class EmbeddedPostgresSupport {

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
    return builder.start();
  }
}
