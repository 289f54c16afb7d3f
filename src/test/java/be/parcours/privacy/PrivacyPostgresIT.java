package be.parcours.privacy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.parcours.testsupport.PostgresSpringTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same export and anonymisation on PostgreSQL (bytea files, trigram search, the access log's
 * append-only trigger that lets only the redaction of a detail through, Camunda's history tables).
 */
class PrivacyPostgresIT extends PostgresSpringTest {

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
  void a_person_s_data_is_exported_then_anonymised_on_postgresql() throws Exception {
    new RetentionScenario(rest, jdbc, retention, runtime, tasks, history, mapper).exportThenAnonymise();
  }

  @Test
  void the_access_log_stays_append_only_but_for_the_redaction_of_a_detail() throws Exception {
    var scenario = new RetentionScenario(rest, jdbc, retention, runtime, tasks, history, mapper);
    var p = scenario.personWithData();
    assertThatThrownBy(() -> jdbc.update("update dossier_access_log set detail = 'autre chose' where dossier_id = ?",
        p.id())).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("update dossier_access_log set detail = '[anonymisé]', username = 'x' "
        + "where dossier_id = ?", p.id())).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from dossier_access_log where dossier_id = ?", p.id()))
        .hasMessageContaining("append-only");
    org.assertj.core.api.Assertions.assertThat(jdbc.update(
        "update dossier_access_log set detail = '[anonymisé]' where dossier_id = ? and action = 'FILE_UPLOAD'", p.id()))
        .isEqualTo(1);
  }
}
