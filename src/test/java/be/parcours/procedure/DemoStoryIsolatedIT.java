package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.ParcoursApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo a newcomer starts with {@code ./mvnw spring-boot:run} tells a true three-year story: files
 * opened across three years, interventions after their opening, decisions on time and late, one
 * period passed with no answer, so that the supervisors' figures are real from the first start. Its
 * own JVM (*IsolatedIT): the demo application with its demo data, as the README's command starts it.
 */
class DemoStoryIsolatedIT {

  @Test
  void the_demo_shows_three_years_of_files_decided_on_time_late_and_not_at_all() throws Exception {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ParcoursApplication.class).profiles("demo")
        .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:demo-story;DB_CLOSE_DELAY=-1",
            "--camunda.bpm.process-engine-name=demo-story", "--spring.jmx.enabled=false")) {
      // the demo data is written in the background once the application serves requests
      assertThat(app.getBean(be.parcours.cluster.BackgroundStartup.class).await(java.time.Duration.ofMinutes(5)))
          .as("background start-up tasks done").isTrue();
      // every story told to its end, through the running job executor (none left at a step)
      assertThat(app.getBean(DemoStory.class).told()).isEqualTo(DemoStory.STORIES.size());
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Brussels"));

      Set<Integer> years = new HashSet<>(jdbc.queryForList(
          "select distinct extract(year from opened_on) from dossier", Integer.class));
      assertThat(years).hasSizeGreaterThanOrEqualTo(3);
      assertThat(jdbc.queryForObject("select count(*) from dossier where opened_on < ?", Integer.class,
          Date.valueOf(today.minusMonths(30)))).isGreaterThanOrEqualTo(2);
      // every intervention on a dossier already opened that day
      assertThat(jdbc.queryForObject("select count(*) from intervention", Integer.class)).isGreaterThan(100);
      assertThat(jdbc.queryForObject("""
          select count(*) from intervention i join dossier d on d.id = i.dossier_id where i.happened_on < d.opened_on
          """, Integer.class)).isZero();
      // decisions: some on time, some late; a decision period past with no answer; closed files
      assertThat(jdbc.queryForObject("select count(*) from authority_decision", Integer.class))
          .isGreaterThanOrEqualTo(12); // 3 closed, 4 granted, 2 refused, 3 decided late
      assertThat(jdbc.queryForObject("""
          select count(*) from authority_decision a join deadline dl on dl.dossier_id = a.dossier_id
           where dl.code = 'DECISION' and a.notified_on > dl.due_on
          """, Integer.class)).isGreaterThanOrEqualTo(2);
      assertThat(jdbc.queryForObject("""
          select count(*) from deadline dl where dl.code = 'DECISION' and dl.due_on < ?
             and not exists (select 1 from authority_decision a where a.dossier_id = dl.dossier_id)
          """, Integer.class, Date.valueOf(today))).isGreaterThanOrEqualTo(2);
      assertThat(jdbc.queryForObject("select count(*) from dossier where status = 'CLOSED'", Integer.class))
          .isGreaterThanOrEqualTo(2);

      // the supervisors' evidence of the Immigration Office's delays has figures for several years
      String port = app.getEnvironment().getProperty("local.server.port");
      var headers = new org.springframework.http.HttpHeaders();
      headers.setAccept(java.util.List.of(org.springframework.http.MediaType.APPLICATION_JSON));
      var response = new TestRestTemplate("demo-supervisor", "demo").exchange(
          "http://localhost:" + port + "/api/supervision/authority-delays", org.springframework.http.HttpMethod.GET,
          new org.springframework.http.HttpEntity<>(headers), String.class);
      assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
      JsonNode lines = new ObjectMapper().readTree(response.getBody());
      Set<Integer> evidenceYears = new HashSet<>();
      long late = 0;
      for (JsonNode line : lines.isArray() ? lines : lines.path("lines")) {
        if ("family-reunification".equals(line.path("procedure").asText())) {
          evidenceYears.add(line.path("year").asInt());
          late += line.path("late").asLong();
        }
      }
      assertThat(evidenceYears).as(response.getBody()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(late).isGreaterThanOrEqualTo(4);
    }
  }
}
