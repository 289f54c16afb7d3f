package be.parcours.procedure;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The authority_decision table: one row per decision notified for a dossier. */
@Repository
class DecisionStore {

  private final JdbcTemplate jdbc;

  DecisionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(long dossierId, DecisionOutcome outcome, LocalDate notifiedOn) {
    Integer n = jdbc.queryForObject("select count(*) from authority_decision where dossier_id = ? and outcome = ? "
        + "and notified_on = ?", Integer.class, dossierId, outcome.name(), notifiedOn);
    return n != null && n > 0;
  }

  int count(long dossierId, DecisionOutcome outcome) {
    Integer n = jdbc.queryForObject("select count(*) from authority_decision where dossier_id = ? and outcome = ?",
        Integer.class, dossierId, outcome.name());
    return n == null ? 0 : n;
  }

  /** The notification day of the latest decision with that outcome, or null. */
  LocalDate lastNotifiedOn(long dossierId, DecisionOutcome outcome) {
    return jdbc.queryForObject("select max(notified_on) from authority_decision where dossier_id = ? and outcome = ?",
        LocalDate.class, dossierId, outcome.name());
  }

  void insert(long dossierId, DecisionOutcome outcome, LocalDate notifiedOn, String by, Instant at) {
    jdbc.update("insert into authority_decision (dossier_id, outcome, notified_on, recorded_by, recorded_at) "
        + "values (?, ?, ?, ?, ?)", dossierId, outcome.name(), notifiedOn, by, Timestamp.from(at));
  }

  void insert(long dossierId, DecisionService.RecordedDecision d, String by, String via, Instant at) {
    jdbc.update("insert into authority_decision (dossier_id, outcome, notified_on, recorded_by, recorded_at, "
        + "notification_method, posted_on, recorded_via) values (?, ?, ?, ?, ?, ?, ?, ?)", dossierId, d.outcome().name(),
        d.notifiedOn(), by, Timestamp.from(at), d.notificationMethod().name(), d.postedOn(), via);
  }
}
