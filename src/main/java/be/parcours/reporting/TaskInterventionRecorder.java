package be.parcours.reporting;

import be.parcours.dossier.InterventionType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the intervention a completed Tasklist task was, in the engine's (Spring's) transaction:
 * if the task's completion fails, no intervention is recorded. The dossier is the one whose
 * reference is the process's business key, never an id the form could submit.
 */
@Component
class TaskInterventionRecorder {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  TaskInterventionRecorder(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  record DossierRef(long id, long beneficiaryId) {}

  DossierRef dossierByReference(String reference) {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "select id, beneficiary_id from dossier where reference = ?", reference);
    if (rows.isEmpty()) {
      return null;
    }
    return new DossierRef(((Number) rows.get(0).get("id")).longValue(),
        ((Number) rows.get(0).get("beneficiary_id")).longValue());
  }

  void record(DossierRef dossier, InterventionType type, Integer minutes, String note, String by) {
    var now = Timestamp.from(clock.instant());
    jdbc.update("insert into intervention (dossier_id, beneficiary_id, type, happened_on, minutes, note, created_by, "
        + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", dossier.id(), dossier.beneficiaryId(), type.name(),
        LocalDate.now(clock), minutes, note, by, now);
    jdbc.update("insert into dossier_access_log (dossier_id, username, action, at) values (?, ?, ?, ?)",
        dossier.id(), by, "INTERVENTION", now);
  }
}
