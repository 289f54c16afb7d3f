package be.parcours.supervision;

import be.parcours.testsupport.ParcoursSpringTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The supervision tests on the shared test application. Not a context of their own: Camunda keeps
 * its engines in a static registry by name, so with two contexts alive the engine REST and webapps of
 * one would answer from the other's database.
 */
@ParcoursSpringTest
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
