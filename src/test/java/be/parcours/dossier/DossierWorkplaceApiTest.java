package be.parcours.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.ParcoursSpringTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** Contract additions of December 2026, "Dossiers" and "Professional secrecy", over HTTP. */
@ParcoursSpringTest
class DossierWorkplaceApiTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ObjectMapper mapper;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired
  org.camunda.bpm.engine.TaskService taskService;
  @Autowired
  org.springframework.transaction.PlatformTransactionManager transactions;
  @Autowired
  SearchKeyBackfill backfill;

  Api as(String user) {
    return Api.as(rest, user);
  }

  JsonNode json(ResponseEntity<String> r) throws Exception {
    return mapper.readTree(r.getBody());
  }

  long open(String user, String first, String last, String birthDate) throws Exception {
    var r = as(user).post("/api/dossiers", """
        {"procedure":"family-reunification","beneficiary":{"firstName":"%s","lastName":"%s","birthDate":"%s"}}
        """.formatted(first, last, birthDate));
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
    return json(r).get("id").asLong();
  }

  @Test
  void reception_opens_with_only_procedure_and_beneficiary_for_a_named_referent() throws Exception {
    var r = as("demo-reception").post("/api/dossiers", """
        {"procedure":"nationality","beneficiary":{"firstName":"Élodie","lastName":"Dupré-Ouali"},
         "referent":"demo-caseworker-2"}""");

    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = json(r).get("id").asLong();
    assertThat(json(r).get("referent").asText()).isEqualTo("demo-caseworker-2");
    JsonNode dossier = json(as("demo-caseworker-2").get("/api/dossiers/" + id));
    assertThat(dossier.get("access").asText()).isEqualTo("FULL");
    assertThat(dossier.has("facts")).isFalse();
    assertThat(as("demo-reception").post("/api/dossiers", """
        {"procedure":"visa","beneficiary":{"firstName":"A","lastName":"B"},"referent":"nobody-here"}""")
        .getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
  }

  @Test
  void search_ignores_case_accents_and_word_order_and_logs_one_line_per_hit() throws Exception {
    long elodie = open("demo-caseworker", "Élodie", "Dupréxyz", "1990-01-01");
    long samira = open("demo-caseworker", "Samira", "Haddadxyz", "1991-02-02");

    JsonNode byElodie = json(as("demo-caseworker").get("/api/dossiers?q=elodie%20dUPREXYZ"));
    JsonNode bySamira = json(as("demo-caseworker").get("/api/dossiers?q=haddadxyz%20samira"));
    JsonNode none = json(as("demo-caseworker").get("/api/dossiers?q=haddadxyz%20elodie"));

    assertThat(byElodie.findValuesAsText("id")).containsExactly(String.valueOf(elodie));
    assertThat(byElodie.at("/content/0/beneficiary").asText()).isEqualTo("Élodie Dupréxyz");
    assertThat(bySamira.findValuesAsText("id")).containsExactly(String.valueOf(samira));
    assertThat(none.get("totalElements").asLong()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from dossier_access_log where dossier_id = ? and action = 'SEARCH'",
        Integer.class, elodie)).isEqualTo(1);
  }

  @Test
  void another_caseworker_sees_a_card_then_opens_the_dossier_with_an_exceptional_access() throws Exception {
    long id = open("demo-caseworker", "Karim", "Cardtestxyz", "1980-05-05");
    Api other = as("demo-caseworker-2");

    JsonNode card = json(other.get("/api/dossiers?q=cardtestxyz")).at("/content/0");
    var denied = other.get("/api/dossiers/" + id);
    var interventionDenied = other.post("/api/dossiers/" + id + "/interventions",
        "{\"type\":\"PHONE\",\"date\":\"2026-01-05\"}");
    var noReason = other.post("/api/dossiers/" + id + "/access-requests", "{\"reason\":\" \"}");
    var granted = other.post("/api/dossiers/" + id + "/access-requests",
        "{\"reason\":\"Remplacement de la collègue en congé\"}");
    var read = other.get("/api/dossiers/" + id);

    assertThat(card.get("access").asText()).isEqualTo("CARD");
    assertThat(card.get("referent").asText()).isEqualTo("demo-caseworker");
    assertThat(card.get("status").asText()).isEqualTo("OPEN");
    assertThat(card.has("procedure")).isFalse();
    assertThat(denied.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(denied).get("error").asText()).isEqualTo("ACCESS_RESTRICTED");
    assertThat(interventionDenied.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(granted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json(granted).get("expiresAt").asText()).isNotBlank();
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(read).get("access").asText()).isEqualTo("FULL");
    // the referent sees who asked and why
    JsonNode referentView = json(as("demo-caseworker").get("/api/dossiers/" + id));
    assertThat(referentView.at("/exceptionalAccesses/0/user").asText()).isEqualTo("demo-caseworker-2");
    assertThat(referentView.at("/exceptionalAccesses/0/reason").asText()).contains("congé");
    assertThat(as("demo-reception").post("/api/dossiers/" + id + "/access-requests",
        "{\"reason\":\"curiosité pure\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void reception_sees_identity_contact_and_appointments_never_facts_documents_or_notes() throws Exception {
    long id = json(as("demo-caseworker").post("/api/dossiers", DossierJson.familyReunification("Receptionxyz")))
        .get("id").asLong();
    as("demo-caseworker").post("/api/dossiers/" + id + "/interventions",
        "{\"type\":\"INTERVIEW\",\"date\":\"2026-01-05\",\"note\":\"revenus du regroupant: 2400\"}");
    as("demo-caseworker").post("/api/dossiers/" + id + "/interventions",
        "{\"type\":\"APPOINTMENT\",\"date\":\"2026-01-06\",\"note\":\"motif confidentiel\"}");

    var r = as("demo-reception").get("/api/dossiers/" + id);

    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode view = json(r);
    assertThat(view.get("access").asText()).isEqualTo("RECEPTION");
    assertThat(view.at("/beneficiary/phone").asText()).isEqualTo("+32 470 12 34 56");
    assertThat(view.has("facts")).isFalse();
    assertThat(view.has("eligibility")).isFalse();
    assertThat(view.has("documents")).isFalse();
    assertThat(view.has("parties")).isFalse();
    assertThat(view.get("interventions")).hasSize(1);
    assertThat(view.at("/interventions/0/type").asText()).isEqualTo("APPOINTMENT");
    assertThat(view.at("/interventions/0").has("note")).isFalse();
    assertThat(r.getBody()).doesNotContain("2400").doesNotContain("confidentiel");
    assertThat(as("demo-reception").put("/api/dossiers/" + id + "/documents/PASSPORT", "{\"status\":\"RECEIVED\"}")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("demo-reception").exchange(HttpMethod.PATCH, "/api/dossiers/" + id,
        "{\"facts\":{}}", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("demo-reception").exchange(HttpMethod.PATCH, "/api/dossiers/" + id,
        "{\"beneficiary\":{\"phone\":\"+32 2 555 00 00\"}}", null).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void duplicates_match_names_like_the_search_and_the_birth_date_exactly() throws Exception {
    long id = open("demo-reception", "Samira", "Dupléxyz", "1993-03-03");
    open("demo-reception", "Samira", "Dupléxyz", "1994-04-04");

    JsonNode same = json(as("demo-reception").get(
        "/api/dossiers/duplicates?firstName=SAMIRA&lastName=duplexyz&birthDate=1993-03-03"));
    JsonNode reversed = json(as("demo-caseworker").get(
        "/api/dossiers/duplicates?firstName=duplexyz&lastName=samira&birthDate=1993-03-03"));
    JsonNode otherDay = json(as("demo-reception").get(
        "/api/dossiers/duplicates?firstName=Samira&lastName=Dupléxyz&birthDate=1993-03-04"));

    assertThat(same).hasSize(1);
    assertThat(same.at("/0/dossierId").asLong()).isEqualTo(id);
    assertThat(same.at("/0/beneficiary/lastName").asText()).isEqualTo("Dupléxyz");
    assertThat(same.at("/0/beneficiary/birthDate").asText()).isEqualTo("1993-03-03");
    assertThat(reversed).hasSize(1);
    assertThat(otherDay).isEmpty();
  }

  @Test
  void a_correction_is_audited_with_old_and_new_values_and_the_verdict_is_evaluated_again() throws Exception {
    long id = open("demo-caseworker", "Nadia", "Patchxyz", "1990-01-01");
    Api cw = as("demo-caseworker");

    var r = cw.exchange(HttpMethod.PATCH, "/api/dossiers/" + id, """
        {"beneficiary":{"lastName":"Patchxyz-Benali","email":"nadia@example.org"},
         "referenceDate":"2025-09-15",
         "facts":{"sponsor":{"kind":"BELGIAN","monthlyNetIncome":2600.00,"adequateHousing":true,"healthInsurance":true},
                  "applicant":{"relationship":"SPOUSE","birthDate":"1990-01-01"}}}""", null);

    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode view = json(r);
    assertThat(view.at("/beneficiary/lastName").asText()).isEqualTo("Patchxyz-Benali");
    assertThat(view.at("/facts/sponsor/kind").asText()).isEqualTo("BELGIAN");
    assertThat(view.at("/eligibility/outcome").asText()).isNotBlank();
    assertThat(view.get("documents").size()).isPositive();
    JsonNode history = json(cw.get("/api/dossiers/" + id + "/history"));
    assertThat(history.findValuesAsText("field")).contains("beneficiary.lastName", "beneficiary.email", "facts",
        "referenceDate");
    JsonNode lastName = List.copyOf(history.findParents("field")).stream()
        .filter(n -> n.get("field").asText().equals("beneficiary.lastName")).findFirst().orElseThrow();
    assertThat(lastName.get("oldValue").asText()).isEqualTo("Patchxyz");
    assertThat(lastName.get("newValue").asText()).isEqualTo("Patchxyz-Benali");
    assertThat(lastName.get("user").asText()).isEqualTo("demo-caseworker");
    // the search follows the new name
    assertThat(json(cw.get("/api/dossiers?q=benali%20patchxyz")).findValuesAsText("id")).contains(String.valueOf(id));
    // bad corrections
    assertThat(cw.exchange(HttpMethod.PATCH, "/api/dossiers/" + id, "{\"beneficiary\":{\"birthDate\":\"2999-01-01\"}}",
        null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(cw.exchange(HttpMethod.PATCH, "/api/dossiers/" + id, "{\"colour\":\"red\"}", null).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(cw.exchange(HttpMethod.PATCH, "/api/dossiers/" + id, "{\"facts\":{\"sponsor\":{\"kind\":\"ALIEN\"}}}",
        null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // handing the dossier over: the new referent has it, the old one no longer
    var handover = cw.exchange(HttpMethod.PATCH, "/api/dossiers/" + id, "{\"referent\":\"demo-caseworker-2\"}", null);
    assertThat(handover.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(handover).get("access").asText()).isEqualTo("CARD"); // cw no longer follows it
    assertThat(cw.get("/api/dossiers/" + id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("demo-caseworker-2").get("/api/dossiers/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void implausible_dates_are_refused_in_french_by_default_and_in_english_on_request() throws Exception {
    long id = open("demo-caseworker", "Omar", "Datesxyz", "1990-01-01");
    HttpHeaders english = new HttpHeaders();
    english.set(HttpHeaders.ACCEPT_LANGUAGE, "en");

    var fr = as("demo-caseworker").put("/api/dossiers/" + id + "/documents/PASSPORT",
        "{\"status\":\"RECEIVED\",\"issuedOn\":\"2020-05-01\",\"expiresOn\":\"2019-05-01\"}");
    var en = as("demo-caseworker").exchange(HttpMethod.PUT, "/api/dossiers/" + id + "/documents/PASSPORT",
        "{\"status\":\"RECEIVED\",\"issuedOn\":\"2020-05-01\",\"expiresOn\":\"2019-05-01\"}", english);
    var old = as("demo-caseworker").post("/api/dossiers",
        "{\"procedure\":\"visa\",\"beneficiary\":{\"firstName\":\"A\",\"lastName\":\"B\",\"birthDate\":\"1850-01-01\"}}");

    assertThat(fr.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(fr).get("field").asText()).isEqualTo("expiresOn");
    assertThat(json(fr).get("message").asText()).isEqualTo(
        "expiresOn: la date d'expiration 01/05/2019 précède la date de délivrance 01/05/2020");
    assertThat(json(en).get("message").asText()).contains("the expiry date 01/05/2019 is before");
    assertThat(old.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(old).get("field").asText()).isEqualTo("beneficiary.birthDate");
  }

  @Test
  void the_catalogue_labels_every_code_and_an_unknown_code_is_refused() throws Exception {
    long id = open("demo-caseworker", "Lina", "Catalogxyz", "1990-01-01");

    JsonNode catalogue = json(as("demo-reception").get("/api/documents/catalogue"));
    var unknown = as("demo-caseworker").put("/api/dossiers/" + id + "/documents/SELFIE_WITH_CAT",
        "{\"status\":\"RECEIVED\"}");
    var known = as("demo-caseworker").put("/api/dossiers/" + id + "/documents/PASSPORT",
        "{\"status\":\"VALIDATED\",\"legalised\":true,\"issuedOn\":\"2020-01-01\",\"expiresOn\":\"2030-01-01\"}");

    JsonNode passport = List.copyOf(catalogue.findParents("code")).stream()
        .filter(n -> n.get("code").asText().equals("PASSPORT")).findFirst().orElseThrow();
    assertThat(passport.at("/labels/fr").asText()).isEqualTo("Passeport");
    assertThat(passport.at("/labels/nl").asText()).isEqualTo("Paspoort");
    assertThat(passport.at("/labels/en").asText()).isEqualTo("Passport");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(known.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(known).get("issuedOn").asText()).isEqualTo("2020-01-01");
    assertThat(json(known).at("/labels/fr").asText()).isEqualTo("Passeport");
  }

  ResponseEntity<String> upload(String user, long id, String code, String name, byte[] bytes) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    return rest.exchange(rest.getRootUri() + "/api/dossiers/" + id + "/documents/" + code + "/files", HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }

  @Test
  void scans_are_uploaded_listed_downloaded_and_deleted_encrypted_at_rest_and_logged() throws Exception {
    long id = open("demo-caseworker", "Ines", "Filesxyz", "1990-01-01");
    byte[] pdf = ("%PDF-1.4\n% scan du passeport de Ines\n" + "x".repeat(500)).getBytes();

    var created = upload("demo-caseworker", id, "PASSPORT", "passeport.pdf", pdf);
    var html = upload("demo-caseworker", id, "PASSPORT", "passeport.pdf", "<html><script>alert(1)</script>".getBytes());
    var unknownCode = upload("demo-caseworker", id, "SELFIE", "x.pdf", pdf);
    var notMine = upload("demo-caseworker-2", id, "PASSPORT", "x.pdf", pdf);
    var reception = upload("demo-reception", id, "PASSPORT", "x.pdf", pdf);
    var tooLarge = upload("demo-caseworker", id, "PASSPORT", "big.pdf", new byte[10 * 1024 * 1024 + 1]);

    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode file = json(created);
    assertThat(file.get("name").asText()).isEqualTo("passeport.pdf");
    assertThat(file.get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(file.get("size").asLong()).isEqualTo(pdf.length);
    assertThat(file.get("sha256").asText()).isEqualTo(DossierFiles.sha256(pdf));
    assertThat(file.get("uploadedBy").asText()).isEqualTo("demo-caseworker");
    assertThat(html.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(unknownCode.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(notMine.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(reception.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);

    byte[] stored = jdbc.queryForObject("select c.content from dossier_file_content c join dossier_file f "
        + "on f.storage_key = c.storage_key where f.id = ?", byte[].class, file.get("id").asLong());
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("%PDF")
        .doesNotContain("Ines");

    String path = "/api/dossiers/" + id + "/documents/PASSPORT/files";
    JsonNode list = json(as("demo-caseworker").get(path));
    assertThat(list).hasSize(1);
    HttpHeaders auth = new HttpHeaders();
    auth.setBasicAuth("demo-caseworker", "demo");
    var download = rest.exchange(rest.getRootUri() + path + "/" + file.get("id").asLong(), HttpMethod.GET,
        new HttpEntity<>(auth), byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getBody()).isEqualTo(pdf);
    assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("passeport.pdf");
    assertThat(download.getHeaders().getCacheControl()).contains("no-store").contains("private");
    assertThat(Api.anonymous(rest).get(path + "/" + file.get("id").asLong()).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(as("demo-caseworker-2").get(path + "/" + file.get("id").asLong()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    var deleted = as("demo-caseworker").exchange(HttpMethod.DELETE, path + "/" + file.get("id").asLong(), null, null);
    assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(json(as("demo-caseworker").get(path))).isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from dossier_file_content c where c.storage_key not in "
        + "(select storage_key from dossier_file)", Integer.class)).isZero();

    List<String> actions = json(as("demo-caseworker").get("/api/dossiers/" + id + "/access-log"))
        .findValuesAsText("action");
    assertThat(actions).startsWith("CHANGE", "FILE_DOWNLOAD", "FILE_UPLOAD").endsWith("CREATE");
  }

  @Test
  void the_access_log_is_for_supervisors_and_the_referent_newest_first_and_cannot_be_altered() throws Exception {
    long id = open("demo-caseworker", "Yara", "Logxyz", "1990-01-01");
    as("demo-caseworker").get("/api/dossiers/" + id);
    as("demo-supervisor").get("/api/dossiers/" + id);
    as("demo-caseworker-2").post("/api/dossiers/" + id + "/access-requests", "{\"reason\":\"Permanence du lundi\"}");

    var forReferent = as("demo-caseworker").get("/api/dossiers/" + id + "/access-log");
    var forSupervisor = as("demo-supervisor").get("/api/dossiers/" + id + "/access-log");

    assertThat(forReferent.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode log = json(forReferent);
    assertThat(log.findValuesAsText("action")).containsExactly("EXCEPTIONAL_ACCESS", "READ", "READ", "CREATE");
    assertThat(log.at("/0/user").asText()).isEqualTo("demo-caseworker-2");
    assertThat(log.at("/0/detail").asText()).isEqualTo("Permanence du lundi");
    assertThat(log.at("/1/user").asText()).isEqualTo("demo-supervisor");
    assertThat(forSupervisor.getStatusCode()).isEqualTo(HttpStatus.OK);
    // the other caseworker (even with an exceptional access), reception, legal staff: 403
    assertThat(as("demo-caseworker-2").get("/api/dossiers/" + id + "/access-log").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("demo-reception").get("/api/dossiers/" + id + "/access-log").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("demo-legal").get("/api/dossiers/" + id + "/access-log").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // no way to change it through the API
    for (HttpMethod m : List.of(HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.POST)) {
      assertThat(as("demo-supervisor").exchange(m, "/api/dossiers/" + id + "/access-log", "[]", null)
          .getStatusCode().value()).as(m.name()).isIn(405, 403);
    }
    assertThat(json(as("demo-supervisor").get("/api/dossiers/" + id + "/access-log")).size())
        .isGreaterThanOrEqualTo(4);
  }

  @Test
  void task_holders_and_legal_staff_on_review_get_full_access_and_a_decision_is_in_the_access_log() throws Exception {
    JsonNode created = json(as("demo-caseworker").post("/api/dossiers", DossierJson.familyReunification("Taskxyz")));
    long id = created.get("id").asLong();
    String reference = created.get("reference").asText();
    var intake = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();

    assertThat(as("demo-caseworker-2").get("/api/dossiers/" + id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    taskService.setAssignee(intake.getId(), "demo-caseworker-2");
    assertThat(as("demo-caseworker-2").get("/api/dossiers/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(as("demo-legal").get("/api/dossiers/" + id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // the intake and the legal review are steps of the common front the procedure called
    var front = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("DossierFront").singleResult();
    runtimeService.createProcessInstanceModification(front.getId())
        .cancelAllForActivity("Task_Intake").startBeforeActivity("Task_LegalReview").execute();
    assertThat(as("demo-legal").get("/api/dossiers/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(as("demo-legal-2").get("/api/dossiers/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
    // the one who held the intake task keeps access after it is gone
    assertThat(as("demo-caseworker-2").get("/api/dossiers/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);

    be.parcours.procedure.WaitingForTheDecision.bring(runtimeService, transactions, reference, "FamilyReunification",
        "2026-01-05", new java.util.Date(System.currentTimeMillis() + 86_400_000L));
    // no juristes task any more: a jurist who never worked on it is back to the card
    assertThat(as("demo-legal-2").get("/api/dossiers/" + id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    var decision = as("demo-legal").post("/api/dossiers/" + id + "/decision",
        "{\"outcome\":\"MORE_DOCUMENTS\",\"notifiedOn\":\"2026-02-01\"}");
    assertThat(decision.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    JsonNode log = json(as("demo-caseworker").get("/api/dossiers/" + id + "/access-log"));
    JsonNode line = List.copyOf(log.findParents("action")).stream()
        .filter(n -> n.get("action").asText().equals("DECISION")).findFirst().orElseThrow();
    assertThat(line.get("user").asText()).isEqualTo("demo-legal");
    assertThat(line.get("detail").asText()).contains("MORE_DOCUMENTS").contains("2026-02-01");
  }

  @Test
  void names_written_without_a_search_key_get_one_at_start_up() throws Exception {
    long id = open("demo-caseworker", "Zoé", "Backfillxyz", "1990-01-01");
    jdbc.update("update beneficiary set search_key = null where id = (select beneficiary_id from dossier where id = ?)",
        id);

    assertThat(backfill.fill()).isPositive();
    assertThat(jdbc.queryForObject("select b.search_key from beneficiary b join dossier d on d.beneficiary_id = b.id "
        + "where d.id = ?", String.class, id)).isEqualTo("zoe backfillxyz");
  }
}
