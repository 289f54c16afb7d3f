package be.parcours.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The known data set of the activity report tests (2020 beside 2019), written into the database
 * directly (dossiers with chosen opening and closing days) and through the APIs (an intervention,
 * collective sessions). The expected figures are in {@link ActivityReportTest}.
 */
final class ActivityDataSet {

  static final String SECRET_NAMES = ActivityReportTest.SECRET_NAMES;

  private final JdbcTemplate jdbc;
  private final ReportingService reporting;
  private final TestRestTemplate rest;
  private final Map<Long, Long> beneficiaryOf = new LinkedHashMap<>();

  ActivityDataSet(JdbcTemplate jdbc, ReportingService reporting, TestRestTemplate rest) {
    this.jdbc = jdbc;
    this.reporting = reporting;
    this.rest = rest;
  }

  void build() {
    // A: dossier opened before the period, reunification granted (the outcome recorded twice: counted
    //    once), closed in it; interventions on 31 Dec 2019 and 1 Jan 2020
    long a = beneficiary("Amina");
    long a1 = dossier(a, "family-reunification", "CLOSED", "2019-03-01", "2020-07-01");
    intervention(a1, "INTERVIEW", "2019-12-31", 45, "rpt-anne");
    intervention(a1, "PHONE", "2020-01-01", null, "rpt-anne");
    authorityDecision(a1, "POSITIVE", "2020-06-15");
    reporting.recordOutcome(a1, OutcomeKind.REUNIFICATION_GRANTED, LocalDate.parse("2020-06-15"));
    reporting.recordOutcome(a1, OutcomeKind.REUNIFICATION_GRANTED, LocalDate.parse("2020-06-15"));
    // B: one person, two dossiers opened in the period (counted once, new)
    long b = beneficiary("Bilal");
    long b1 = dossier(b, "visa", "DECIDED", "2020-02-10", null);
    long b2 = dossier(b, "nationality", "IN_PROGRESS", "2020-05-05", null);
    intervention(b1, "INTERVIEW", "2020-02-10", 60, "rpt-marc");
    intervention(b1, "LETTER_EMAIL", "2020-03-03", null, "rpt-marc");
    intervention(b2, "ADMIN_STEP", "2020-05-05", 30, "rpt-anne");
    reporting.recordOutcome(b1, OutcomeKind.VISA_OBTAINED, LocalDate.parse("2020-04-20"));
    // the registrar's "complete" answer is a POSITIVE authority decision: not an outcome, does not end it
    authorityDecision(b2, "POSITIVE", "2020-07-07");
    // C: dossier closed before the period (accompanied in 2019), a follow-up call in 2020 (accompanied again)
    long c = beneficiary("Chen");
    long c1 = dossier(c, "family-reunification", "CLOSED", "2018-06-01", "2019-11-30");
    intervention(c1, "INTERVIEW", "2019-05-05", null, "rpt-anne");
    intervention(c1, "PHONE", "2020-03-10", null, "rpt-anne");
    authorityDecision(c1, "NEGATIVE", "2019-10-01");
    reporting.recordOutcome(c1, OutcomeKind.REFUSAL, LocalDate.parse("2019-10-01"));
    // D: dossier opened on the period's last day
    long d = beneficiary("Dalia");
    long d1 = dossier(d, "nationality", "OPEN", "2020-12-31", null);
    intervention(d1, "APPOINTMENT", "2020-12-31", null, "rpt-marc");
    // E: after the period: counted nowhere
    long e = beneficiary("Emeka");
    long e1 = dossier(e, "visa", "OPEN", "2021-01-01", null);
    intervention(e1, "PHONE", "2021-01-01", 10, "rpt-marc");
    reporting.recordOutcome(e1, OutcomeKind.VISA_OBTAINED, LocalDate.parse("2021-02-01"));
    // F: refused in 2020, appeal filed; an intervention logged through the API
    long f = beneficiary("Fatou");
    long f1 = dossier(f, "family-reunification", "APPEAL", "2019-09-09", null);
    authorityDecision(f1, "NEGATIVE", "2020-02-02");
    reporting.recordOutcome(f1, OutcomeKind.REFUSAL, LocalDate.parse("2020-02-02"));
    reporting.recordOutcome(f1, OutcomeKind.APPEAL, LocalDate.parse("2020-03-01"));
    // G: a long nationality procedure
    long g = beneficiary("Goran");
    long g1 = dossier(g, "nationality", "CLOSED", "2017-01-01", "2020-09-30");
    reporting.recordOutcome(g1, OutcomeKind.NATIONALITY_ACQUIRED, LocalDate.parse("2020-09-09"));
    // H: opened and abandoned in 2020 (ended by its closing day, no decision)
    long h = beneficiary("Hana");
    dossier(h, "visa", "CLOSED", "2020-01-10", "2020-01-31");

    var caseworker = Api.as(rest, "demo-caseworker");
    assertThat(caseworker.post("/api/dossiers/" + f1 + "/interventions",
        "{\"type\":\"EXTERNAL_VISIT\",\"date\":\"2020-06-01\",\"minutes\":90}").getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(Api.as(rest, "demo-reception").post("/api/sessions", "{\"date\":\"2020-03-15\","
        + "\"kind\":\"INFO_SESSION_FAMILY_REUNIFICATION\",\"participants\":12,\"dossierIds\":[" + a1 + "," + b2
        + "],\"beneficiaryIds\":[" + b + "]}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(caseworker.post("/api/sessions", "{\"date\":\"2020-10-10\",\"kind\":\"VISA_WORKSHOP\","
        + "\"participants\":3}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(caseworker.post("/api/sessions", "{\"date\":\"2019-12-31\",\"kind\":\"VISA_WORKSHOP\","
        + "\"participants\":8,\"note\":\"Atelier de fin d'année\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(caseworker.post("/api/sessions", "{\"date\":\"2021-01-01\",\"kind\":\"CITIZENSHIP\","
        + "\"participants\":20}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  private long beneficiary(String firstName) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("insert into beneficiary (first_name, last_name, created_at) "
          + "values (?, ?, ?)", new String[] {"id"});
      ps.setString(1, firstName);
      ps.setString(2, SECRET_NAMES);
      ps.setTimestamp(3, Timestamp.from(Instant.now()));
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  private long dossier(long beneficiaryId, String procedure, String status, String openedOn, String closedOn) {
    long id = nextDossierId(jdbc);
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("insert into dossier (id, reference, procedure_code, status, beneficiary_id, opened_on, closed_on, "
        + "reference_date, created_by, assigned_to, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, "RPT-" + id, procedure, status, beneficiaryId, LocalDate.parse(openedOn),
        closedOn == null ? null : LocalDate.parse(closedOn), LocalDate.parse(openedOn), "rpt-test",
        "demo-caseworker", now, now); // the caseworker is the referent: professional secrecy lets her log interventions
    beneficiaryOf.put(id, beneficiaryId);
    return id;
  }

  private void intervention(long dossierId, String type, String day, Integer minutes, String by) {
    jdbc.update("insert into intervention (dossier_id, beneficiary_id, type, happened_on, minutes, note, created_by, "
        + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", dossierId, beneficiaryOf.get(dossierId), type,
        LocalDate.parse(day), minutes, "note " + SECRET_NAMES, by, Timestamp.from(Instant.now()));
  }

  private void authorityDecision(long dossierId, String outcome, String notifiedOn) {
    jdbc.update("insert into authority_decision (dossier_id, outcome, notified_on, recorded_by, recorded_at) "
        + "values (?, ?, ?, ?, ?)", dossierId, outcome, LocalDate.parse(notifiedOn), "rpt-test",
        Timestamp.from(Instant.now()));
  }

  static long nextDossierId(JdbcTemplate jdbc) {
    String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    return jdbc.queryForObject("PostgreSQL".equals(product) ? "select nextval('dossier_seq')"
        : "select next value for dossier_seq", Long.class);
  }
}
