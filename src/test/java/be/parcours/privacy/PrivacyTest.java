package be.parcours.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import be.parcours.testsupport.ParcoursSpringTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The person's data export and the anonymisation of an old closed dossier, on the test application (H2). */
@ParcoursSpringTest
class PrivacyTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  RetentionService retention;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;
  @Autowired
  ObjectMapper mapper;

  @Test
  void a_person_s_data_is_exported_then_anonymised_after_retention_with_the_report_unchanged() throws Exception {
    new RetentionScenario(rest, jdbc, retention, runtime, tasks, history, mapper).exportThenAnonymise();
  }
}
