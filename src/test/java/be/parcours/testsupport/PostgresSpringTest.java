package be.parcours.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port against a real PostgreSQL 16 (embedded binaries, started
 * once per JVM), in the production {@code postgres} profile plus the demo users. Integration tests
 * extending it are named *IT and run in {@code ./mvnw verify} (failsafe).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "parcours.demo.dossiers=false",
    // when the JVM exits, PostgreSQL may stop before the application: don't wait 30 s for a connection
    "spring.datasource.hikari.connection-timeout=2000"})
@ActiveProfiles({"postgres", "demo"})
public abstract class PostgresSpringTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("DB_URL", EmbeddedPostgresSupport::jdbcUrl);
    registry.add("DB_USER", () -> "postgres");
    registry.add("DB_PASSWORD", () -> "postgres");
  }
}
