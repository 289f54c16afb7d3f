package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Drives a dossier through the HTTP APIs as its users would (Parcours API + Camunda REST for tasks). */
final class ProcedureApiDriver {

  private final TestRestTemplate rest;
  private final ObjectMapper mapper;
  private final TaskService taskService;

  ProcedureApiDriver(TestRestTemplate rest, ObjectMapper mapper, TaskService taskService) {
    this.rest = rest;
    this.mapper = mapper;
    this.taskService = taskService;
  }

  JsonNode json(String body) {
    try {
      return mapper.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(body, e);
    }
  }

  JsonNode open(String user, String body) {
    var response = Api.as(rest, user).post("/api/dossiers", body);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode created = json(response.getBody());
    assertThat(created.get("processInstanceId").asText()).isNotBlank();
    return created;
  }

  JsonNode dossier(String user, long id) {
    return json(Api.as(rest, user).get("/api/dossiers/" + id).getBody());
  }

  Task awaitTask(String reference, String key) {
    return await(() -> taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key)
        .singleResult(), key);
  }

  void complete(String user, Task task, String variables) {
    var response = Api.as(rest, user).post("/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\":{" + variables + "}}");
    assertThat(response.getStatusCode()).as(user + " completes " + task.getTaskDefinitionKey() + ": "
        + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** Every document of the checklist received, legalised and translated. */
  void validateAllDocuments(long id) {
    JsonNode documents = dossier("demo-caseworker", id).get("documents");
    assertThat(documents).isNotEmpty();
    for (JsonNode doc : documents) {
      var response = Api.as(rest, "demo-caseworker").put("/api/dossiers/" + id + "/documents/"
          + doc.get("code").asText(), "{\"status\":\"VALIDATED\",\"legalised\":true,\"translated\":true}");
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
  }

  void decision(long id, String outcome, java.time.LocalDate notifiedOn) {
    var response = Api.as(rest, "demo-legal").post("/api/dossiers/" + id + "/decision",
        "{\"outcome\":\"" + outcome + "\",\"notifiedOn\":\"" + notifiedOn + "\"}");
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  /** Waits until the dossier has that deadline (in that status) and returns it. */
  JsonNode awaitDeadline(long id, String code, String status) {
    return await(() -> {
      for (JsonNode dl : dossier("demo-caseworker", id).get("deadlines")) {
        if (dl.get("code").asText().equals(code) && dl.get("status").asText().equals(status)) {
          return dl;
        }
      }
      return null;
    }, "deadline " + code + " " + status);
  }

  JsonNode awaitStatus(long id, String status) {
    return await(() -> {
      JsonNode d = dossier("demo-caseworker", id);
      return status.equals(d.get("status").asText()) ? d : null;
    }, "dossier status " + status);
  }

  static <T> T await(Supplier<T> probe, String what) {
    Instant end = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(end)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  /** The outcomes recorded for the activity report on this dossier, as "KIND on DAY", sorted. */
  static java.util.List<String> outcomes(org.springframework.jdbc.core.JdbcTemplate jdbc, long dossierId) {
    return jdbc.queryForList("select kind, decided_on from dossier_outcome where dossier_id = ? order by kind",
        dossierId).stream().map(row -> row.get("kind") + " on " + row.get("decided_on")).toList();
  }
}
