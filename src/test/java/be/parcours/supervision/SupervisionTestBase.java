package be.parcours.supervision;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** One shared application (demo profile, in-memory H2) for the supervision tests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:supervision;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
abstract class SupervisionTestBase {

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ProcessEngine engine;

  SupervisionFixtures fixtures() {
    return new SupervisionFixtures(jdbc, engine);
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }
}
