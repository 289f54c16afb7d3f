package be.parcours.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.PostgresSpringTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** The production database: Flyway migrations, the Camunda schema and a dossier round trip over HTTP. */
class DossierPostgresIT extends PostgresSpringTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  DataSource dataSource;
  @Autowired
  ObjectMapper mapper;

  @Test
  void runs_on_a_real_postgresql_with_flyway_and_camunda_schemas() throws Exception {
    var jdbc = new JdbcTemplate(dataSource);
    try (var c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
        .isGreaterThanOrEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from act_ge_property", Integer.class)).isPositive();
    assertThat(jdbc.queryForObject("select count(*) from act_id_user where id_ = 'demo-caseworker'", Integer.class))
        .isEqualTo(1);
  }

  @Test
  void a_dossier_round_trips_through_the_api() throws Exception {
    var caseworker = Api.as(rest, "demo-caseworker");

    var created = caseworker.post("/api/dossiers", DossierJson.familyReunification("Postgres"));
    long id = mapper.readTree(created.getBody()).get("id").asLong();
    var read = caseworker.get("/api/dossiers/" + id);
    var found = caseworker.get("/api/dossiers?q=postgres&procedure=family-reunification");
    var intervention = caseworker.post("/api/dossiers/" + id + "/interventions",
        "{\"type\":\"INTERVIEW\",\"date\":\"2026-02-02\",\"minutes\":45}");

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(mapper.readTree(read.getBody()).at("/beneficiary/lastName").asText()).isEqualTo("Postgres");
    assertThat(mapper.readTree(found.getBody()).get("totalElements").asLong()).isEqualTo(1);
    // the free-text search is served by trigram indexes (V50, pg_trgm)
    var jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForList("select indexname from pg_indexes where indexname like '%trgm'", String.class))
        .containsExactlyInAnyOrder("ix_beneficiary_search_trgm", "ix_dossier_reference_trgm",
            "ix_beneficiary_search_key_trgm");
    String reference = mapper.readTree(created.getBody()).get("reference").asText();
    var byReference = caseworker.get("/api/dossiers?q=" + reference.substring(2).toLowerCase());
    assertThat(mapper.readTree(byReference.getBody()).findValuesAsText("reference")).contains(reference);
    assertThat(intervention.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void the_search_finds_people_ignoring_accents_case_and_word_order_on_postgresql() throws Exception {
    var caseworker = Api.as(rest, "demo-caseworker");
    String family = mapper.readTree(caseworker.post("/api/dossiers", DossierJson.familyReunification("Rééçhtè-Pg"))
        .getBody()).get("reference").asText();
    String nationality = mapper.readTree(caseworker.post("/api/dossiers", DossierJson.nationality("Rééçhtè-Pg"))
        .getBody()).get("reference").asText();

    var both = mapper.readTree(caseworker.get("/api/dossiers?q=REECHTE-PG").getBody());
    var one = mapper.readTree(caseworker.get("/api/dossiers?q=reechte-pg%20AMINA").getBody());
    var filtered = mapper.readTree(caseworker.get("/api/dossiers?q=Reechte-pg&procedure=nationality").getBody());
    var secondPage = mapper.readTree(caseworker.get("/api/dossiers?q=reechte-pg&size=1&page=1").getBody());
    var none = mapper.readTree(caseworker.get("/api/dossiers?q=reechte-pg%20zzz").getBody());

    assertThat(both.get("totalElements").asLong()).isEqualTo(2);
    assertThat(both.findValuesAsText("reference")).containsExactlyInAnyOrder(family, nationality);
    assertThat(one.findValuesAsText("reference")).containsExactly(family);
    assertThat(filtered.findValuesAsText("reference")).containsExactly(nationality);
    assertThat(secondPage.get("totalElements").asLong()).isEqualTo(2);
    assertThat(secondPage.findValuesAsText("reference")).hasSize(1).isSubsetOf(family, nationality);
    assertThat(none.get("totalElements").asLong()).isZero();
  }
}
