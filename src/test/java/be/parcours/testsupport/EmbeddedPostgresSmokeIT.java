package be.parcours.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresSmokeIT {

  @Test
  void a_real_postgresql_answers() throws Exception {
    try (var c = EmbeddedPostgresSupport.postgres().getPostgresDatabase().getConnection();
        ResultSet rs = c.createStatement().executeQuery("select version()")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith("PostgreSQL 16");
    }
  }
}
