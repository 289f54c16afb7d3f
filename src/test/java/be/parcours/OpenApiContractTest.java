package be.parcours;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The OpenAPI description served at /v3/api-docs lists the operations of shared/contracts/api.md. */
@ParcoursSpringTest
class OpenApiContractTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "post, /api/dossiers",
      "get, /api/dossiers",
      "get, /api/dossiers/{id}",
      "post, /api/dossiers/{id}/interventions",
      "post, /api/dossiers/{id}/decision",
      "post, /api/eligibility/family-reunification",
      "get, /api/rules/versions",
      "post, /api/rules/validate",
      "post, /api/rules/reload",
      "get, /api/supervision/delays",
      "patch, /api/dossiers/{id}",
      "get, /api/dossiers/duplicates",
      "get, /api/documents/catalogue",
      "post, /api/dossiers/{id}/documents/{code}/files",
      "get, /api/dossiers/{id}/documents/{code}/files",
      "get, /api/dossiers/{id}/documents/{code}/files/{fileId}",
      "delete, /api/dossiers/{id}/documents/{code}/files/{fileId}",
      "get, /api/dossiers/{id}/access-log",
      "post, /api/dossiers/{id}/access-requests",
      "get, /api/alerts",
      "get, /api/rules/parameters",
      "post, /api/rules/proposals",
      "post, /api/rules/proposals/{id}/approve",
      "post, /api/rules/proposals/{id}/reject",
      "post, /api/rules/versions/{version}/reactivate",
      "get, /api/rules/versions/{a}/diff/{b}",
      "get, /api/rules/active/files",
      "post, /api/rules/import"})
  void the_contract_operation_is_described(String method, String path) throws Exception {
    JsonNode docs = mapper.readTree(Api.as(rest, "demo-caseworker").get("/v3/api-docs").getBody());

    assertThat(docs.path("paths").path(path).has(method)).as(method + " " + path).isTrue();
  }
}
