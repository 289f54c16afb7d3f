package be.parcours.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.ParcoursApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps its data in an H2 file: a dossier survives a restart. It starts two
 * applications one after the other, so it runs in a JVM of its own (*IsolatedIT): Camunda keeps a
 * static registry of process engines that other tests share.
 */
class RestartPersistenceIsolatedIT {

  @TempDir
  Path dataDir;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(ParcoursApplication.class).profiles("demo").run(
        "--server.port=0",
        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("parcours") + ";DB_CLOSE_ON_EXIT=FALSE",
        "--camunda.bpm.job-execution.enabled=false",
        "--parcours.demo.dossiers=false",
        // its own engine name: Camunda keeps a static registry of engines by name
        "--camunda.bpm.process-engine-name=restart-test",
        "--spring.jmx.enabled=false");
  }

  private static String url(ConfigurableApplicationContext context, String path) {
    return "http://localhost:" + context.getEnvironment().getProperty("local.server.port") + path;
  }

  private static TestRestTemplate client() {
    return new TestRestTemplate("demo-caseworker", "demo");
  }

  @Test
  void a_dossier_created_through_the_api_is_still_there_after_a_restart() throws Exception {
    String location;
    try (var first = start()) {
      var created = client().postForEntity(url(first, "/api/dossiers"),
          new org.springframework.http.HttpEntity<>(DossierJson.nationality("Persistent"), jsonHeaders()), String.class);
      assertThat(created.getStatusCode().value()).isEqualTo(201);
      location = created.getHeaders().getLocation().toString();
    }
    assertThat(Files.list(dataDir)).anyMatch(p -> p.getFileName().toString().endsWith(".mv.db"));

    try (var second = start()) {
      var read = client().getForEntity(url(second, location), String.class);
      assertThat(read.getStatusCode().value()).isEqualTo(200);
      assertThat(read.getBody()).contains("\"lastName\":\"Persistent\"");
    }
  }

  private static org.springframework.http.HttpHeaders jsonHeaders() {
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return headers;
  }
}
