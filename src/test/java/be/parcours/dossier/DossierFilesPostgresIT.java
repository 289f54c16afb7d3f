package be.parcours.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.PostgresSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** On PostgreSQL: the accent-free search (trigram index), scans in bytea (encrypted), the append-only access log. */
class DossierFilesPostgresIT extends PostgresSpringTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void search_files_and_access_log_on_postgresql() throws Exception {
    Api cw = Api.as(rest, "demo-caseworker");
    var created = cw.post("/api/dossiers", """
        {"procedure":"visa","beneficiary":{"firstName":"Élodie","lastName":"Dupré-Pgxyz","birthDate":"1990-01-01"}}""");
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = mapper.readTree(created.getBody()).get("id").asLong();

    JsonNode found = mapper.readTree(cw.get("/api/dossiers?q=pgxyz%20ELODIE%20dupre").getBody());
    JsonNode duplicates = mapper.readTree(cw.get(
        "/api/dossiers/duplicates?firstName=elodie&lastName=dupre%20pgxyz&birthDate=1990-01-01").getBody());
    assertThat(found.findValuesAsText("id")).containsExactly(String.valueOf(id));
    assertThat(duplicates.findValuesAsText("dossierId")).containsExactly(String.valueOf(id));
    assertThat(jdbc.queryForObject("select data_type from information_schema.columns where table_name = "
        + "'dossier_file_content' and column_name = 'content'", String.class)).isEqualTo("bytea");

    byte[] png = new byte[2048];
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
    png[100] = 'E';
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("demo-caseworker", "demo");
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("file", new ByteArrayResource(png) {
      @Override
      public String getFilename() {
        return "passeport.png";
      }
    });
    String path = "/api/dossiers/" + id + "/documents/PASSPORT/files";
    var upload = rest.exchange(rest.getRootUri() + path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    assertThat(upload.getStatusCode()).as(upload.getBody()).isEqualTo(HttpStatus.CREATED);
    long fileId = mapper.readTree(upload.getBody()).get("id").asLong();
    HttpHeaders auth = new HttpHeaders();
    auth.setBasicAuth("demo-caseworker", "demo");
    var download = rest.exchange(rest.getRootUri() + path + "/" + fileId, HttpMethod.GET, new HttpEntity<>(auth),
        byte[].class);
    assertThat(download.getBody()).isEqualTo(png);
    byte[] stored = jdbc.queryForObject("select content from dossier_file_content", byte[].class);
    assertThat(stored).hasSize(png.length + 29).isNotEqualTo(png);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("PNG");

    // the access log cannot be changed, even with SQL
    assertThat(jdbc.queryForObject("select count(*) from dossier_access_log where dossier_id = ?", Integer.class, id))
        .isGreaterThanOrEqualTo(4);
    assertThatThrownBy(() -> jdbc.update("update dossier_access_log set username = 'x' where dossier_id = ?", id))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from dossier_access_log where dossier_id = ?", id))
        .hasMessageContaining("append-only");
  }
}
