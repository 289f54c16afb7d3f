package be.parcours.privacy;

import be.parcours.dossier.AccessAction;
import be.parcours.dossier.AccessLog;
import be.parcours.dossier.FileStore;
import be.parcours.dossier.SearchText;
import be.parcours.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymises one dossier, in one transaction (all or nothing), in place: the rows stay so that the
 * activity report counts the same people, interventions, outcomes and durations; what names or
 * describes the person is erased (docs/privacy.md lists every field). Idempotent: an anonymised
 * dossier is left alone.
 */
@Service
class Anonymiser {

  /** Who the access log says anonymised the dossier. */
  static final String SYSTEM_USER = "parcours-retention";
  static final String FIRST_NAME = "Personne";
  static final String LAST_NAME = "anonymisée";
  static final String ERASED = "[anonymisé]";

  /** What one anonymisation did (counts only: no personal data). */
  record Result(long dossierId, String reference, boolean done, int files, int notes,
      ProcedureScrubber.Scrubbed procedure) {}

  private final JdbcTemplate jdbc;
  private final FileStore files;
  private final ProcedureScrubber procedures;
  private final AccessLog accessLog;
  private final Clock clock;

  Anonymiser(JdbcTemplate jdbc, FileStore files, ProcedureScrubber procedures, AccessLog accessLog, Clock clock) {
    this.jdbc = jdbc;
    this.files = files;
    this.procedures = procedures;
    this.accessLog = accessLog;
    this.clock = clock;
  }

  @Transactional
  public Result anonymise(long dossierId, String why) {
    return anonymise(dossierId, why, SYSTEM_USER);
  }

  /** As {@link #anonymise(long, String)}, the access log naming {@code by} (a supervisor's erasure on request). */
  @Transactional
  public Result anonymise(long dossierId, String why, String by) {
    record Row(String reference, long beneficiaryId, String processInstanceId, boolean anonymised) {}
    Row d = jdbc.query("select reference, beneficiary_id, process_instance_id, anonymised_at from dossier where id = ? "
        + "for update", (rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4) != null),
        dossierId).stream().findFirst().orElseThrow(() -> new NotFoundException("no dossier " + dossierId));
    if (d.anonymised()) {
      return new Result(dossierId, d.reference(), false, 0, 0, null);
    }
    Instant now = clock.instant();
    Timestamp at = Timestamp.from(now);
    // the person: names replaced (the columns are required), everything else that identifies erased
    jdbc.update("update beneficiary set first_name = ?, last_name = ?, birth_date = null, nationality = null, "
        + "languages = null, phone = null, email = null, search_key = ?, version = version + 1 where id = ?",
        FIRST_NAME, LAST_NAME, SearchText.key(FIRST_NAME, LAST_NAME), d.beneficiaryId());
    // the dossier: facts gone; reference, procedure, status, dates and referent stay (counts, durations)
    jdbc.update("update dossier set facts_json = null, anonymised_at = ?, updated_at = ?, version = version + 1 "
        + "where id = ?", at, at, dossierId);
    jdbc.update("update party set first_name = null, last_name = null, birth_date = null, nationality = null "
        + "where dossier_id = ?", dossierId);
    // verdicts keep outcome, regime, reference date and rules version; their findings quote the facts
    jdbc.update("update eligibility_verdict set verdict_json = '{}' where dossier_id = ?", dossierId);
    int notes = jdbc.update("update intervention set note = null where dossier_id = ? and note is not null", dossierId);
    notes += jdbc.update("update document_item set note = null where dossier_id = ? and note is not null", dossierId);
    jdbc.update("update dossier_change set old_value = null, new_value = null where dossier_id = ?", dossierId);
    jdbc.update("update dossier_access_grant set reason = ? where dossier_id = ?", ERASED, dossierId);
    List<String> keys = jdbc.queryForList("select storage_key from dossier_file where dossier_id = ?", String.class,
        dossierId);
    jdbc.update("delete from dossier_file where dossier_id = ?", dossierId);
    for (String key : keys) {
      files.delete(key);
    }
    // the access log keeps who, when and what; only the free text that may name the person is redacted
    // (file names, reasons of exceptional accesses): the one change its PostgreSQL trigger lets through (V116)
    jdbc.update("update dossier_access_log set detail = ? where dossier_id = ? and detail is not null and detail <> ? "
        + "and (action in ('FILE_UPLOAD', 'FILE_DOWNLOAD', 'EXCEPTIONAL_ACCESS') or detail like 'file deleted:%')",
        ERASED, dossierId, ERASED);
    var scrubbed = procedures.scrub(d.reference(), d.processInstanceId());
    accessLog.record(dossierId, by, AccessAction.ANONYMISED, why + "; " + keys.size() + " fichier(s) "
        + "supprimé(s), " + notes + " note(s) effacée(s), " + scrubbed.historicVariables()
        + " variable(s) de procédure effacée(s)");
    return new Result(dossierId, d.reference(), true, keys.size(), notes, scrubbed);
  }
}
