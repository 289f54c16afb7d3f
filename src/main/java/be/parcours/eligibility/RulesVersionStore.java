package be.parcours.eligibility;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rule sets in the database: contents (by SHA-256, files as text), versions (a content that
 * was activated or scheduled once), the one active version every node serves, the proposals of
 * legal staff, the audit of every change and each node's state.
 */
@Repository
class RulesVersionStore {

  record VersionView(String version, Instant loadedAt, String loadedBy, boolean active, List<String> files) {}

  /** The version row: its content, who approved it, when it was last activated. */
  record VersionRow(String version, Instant loadedAt, String loadedBy, boolean active, String contentHash,
      String approvedBy, Instant activatedAt) {}

  /** A proposal row (report = JSON of the checks). */
  record ProposalRow(long id, String kind, String author, Instant createdAt, String contentHash, String baseVersion,
      String note, boolean valid, String report, String status, String decidedBy, Instant decidedAt, String reason,
      LocalDate activateOn, Instant effectiveAt, String version) {}

  record AuditRow(Instant at, String user, String action, Long proposalId, String version, String detail) {}

  record NodeRow(String nodeId, String servingVersion, Instant seenAt, String failedVersion, String error,
      Instant errorAt) {}

  private final JdbcTemplate jdbc;

  RulesVersionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ---- versions ------------------------------------------------------------------------------------

  List<VersionView> newestFirst() {
    return jdbc.query("select version, loaded_at, loaded_by, active, files from rules_version order by loaded_at desc",
        (rs, i) -> new VersionView(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getBoolean(4),
            Arrays.asList(rs.getString(5).split("\n"))));
  }

  VersionRow version(String version) {
    return jdbc.query("select version, loaded_at, loaded_by, active, content_hash, approved_by, activated_at "
        + "from rules_version where version = ?", (rs, i) -> new VersionRow(rs.getString(1),
            rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getString(6),
            rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()), version).stream().findFirst()
        .orElse(null);
  }

  String versionOfContent(String contentHash) {
    return jdbc.queryForList("select version from rules_version where content_hash = ?", String.class, contentHash)
        .stream().findFirst().orElse(null);
  }

  /** The version of a content, created (inactive) if the content never was a version. */
  @Transactional(propagation = Propagation.MANDATORY)
  String ensureVersion(RuleFiles files, String user, Instant now) {
    String existing = versionOfContent(files.fullHash());
    if (existing != null) {
      return existing;
    }
    String version = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "#" + files.contentHash();
    jdbc.update("insert into rules_version (version, loaded_at, loaded_by, active, files, content_hash) "
        + "values (?, ?, ?, false, ?, ?)", version, Timestamp.from(now), user, String.join("\n", files.files().keySet()),
        files.fullHash());
    return version;
  }

  /** The version every node serves from now on. */
  @Transactional(propagation = Propagation.MANDATORY)
  void setActive(String version, String user, Instant now) {
    jdbc.update("update rules_version set active = false where active = true and version <> ?", version);
    jdbc.update("update rules_version set active = true, activated_at = ? where version = ?", Timestamp.from(now),
        version);
    jdbc.update("update rules_state set active_version = ?, changed_at = ?, changed_by = ?, revision = revision + 1 "
        + "where id = 1", version, Timestamp.from(now), user);
  }

  void approvedBy(String version, String user) {
    jdbc.update("update rules_version set approved_by = ? where version = ? and approved_by is null", user, version);
  }

  /** The active version (null: the database holds none yet). */
  String activeVersion() {
    return jdbc.queryForObject("select active_version from rules_state where id = 1", String.class);
  }

  /** Locks the state row: one activation at a time across the nodes. */
  @Transactional(propagation = Propagation.MANDATORY)
  String lockActiveVersion() {
    return jdbc.queryForObject("select active_version from rules_state where id = 1 for update", String.class);
  }

  // ---- contents ------------------------------------------------------------------------------------

  /** Stores a content once (canonical files); a second identical content is not stored again. */
  @Transactional(propagation = Propagation.MANDATORY)
  void storeContent(RuleFiles files, Instant now) {
    String hash = files.fullHash();
    Integer n = jdbc.queryForObject("select count(*) from rules_content where content_hash = ?", Integer.class, hash);
    if (n != null && n > 0) {
      return;
    }
    try {
      jdbc.update("insert into rules_content (content_hash, created_at) values (?, ?)", hash, Timestamp.from(now));
    } catch (DuplicateKeyException e) {
      return; // stored at the same moment by another node
    }
    files.texts().forEach((path, text) -> jdbc.update(
        "insert into rules_content_file (content_hash, path, content) values (?, ?, ?)", hash, path, text));
  }

  Map<String, String> contentFiles(String contentHash) {
    Map<String, String> files = new TreeMap<>();
    jdbc.query("select path, content from rules_content_file where content_hash = ?",
        rs -> {
          files.put(rs.getString(1), rs.getString(2));
        }, contentHash);
    return files;
  }

  // ---- proposals -----------------------------------------------------------------------------------

  @Transactional(propagation = Propagation.MANDATORY)
  long insertProposal(String kind, String author, Instant now, String contentHash, String baseVersion, String note,
      boolean valid, String report) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("insert into rules_proposal (kind, author, created_at, content_hash, base_version, "
          + "note, valid, report, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, kind);
      ps.setString(2, author);
      ps.setTimestamp(3, Timestamp.from(now));
      ps.setString(4, contentHash);
      ps.setString(5, baseVersion);
      ps.setString(6, note);
      ps.setBoolean(7, valid);
      ps.setString(8, report);
      ps.setString(9, valid ? "PENDING" : "INVALID");
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  private static final String PROPOSAL_COLUMNS = "id, kind, author, created_at, content_hash, base_version, note, "
      + "valid, report, status, decided_by, decided_at, reason, activate_on, effective_at, version";

  private static ProposalRow proposal(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new ProposalRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getString(10),
        rs.getString(11), rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(), rs.getString(13),
        rs.getDate(14) == null ? null : rs.getDate(14).toLocalDate(),
        rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toInstant(), rs.getString(16));
  }

  ProposalRow proposal(long id) {
    return jdbc.query("select " + PROPOSAL_COLUMNS + " from rules_proposal where id = ?", (rs, i) -> proposal(rs), id)
        .stream().findFirst().orElse(null);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  ProposalRow lockProposal(long id) {
    return jdbc.query("select " + PROPOSAL_COLUMNS + " from rules_proposal where id = ? for update",
        (rs, i) -> proposal(rs), id).stream().findFirst().orElse(null);
  }

  List<ProposalRow> proposals(int limit) {
    return jdbc.query("select " + PROPOSAL_COLUMNS + " from rules_proposal order by id desc", (rs, i) -> proposal(rs))
        .stream().limit(limit).toList();
  }

  List<ProposalRow> proposalsWithStatus(String status) {
    return jdbc.query("select " + PROPOSAL_COLUMNS + " from rules_proposal where status = ? order by effective_at, id",
        (rs, i) -> proposal(rs), status);
  }

  /** Moves a proposal from one status to another; false when someone else moved it first. */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean decide(long id, String fromStatus, String toStatus, String user, Instant now, String reason,
      LocalDate activateOn, Instant effectiveAt, String version) {
    return jdbc.update("update rules_proposal set status = ?, decided_by = coalesce(?, decided_by), "
        + "decided_at = coalesce(?, decided_at), reason = coalesce(?, reason), activate_on = coalesce(?, activate_on), "
        + "effective_at = coalesce(?, effective_at), version = coalesce(?, version) where id = ? and status = ?",
        toStatus, user, now == null ? null : Timestamp.from(now), reason,
        activateOn == null ? null : java.sql.Date.valueOf(activateOn), effectiveAt == null ? null
            : Timestamp.from(effectiveAt), version, id, fromStatus) == 1;
  }

  // ---- audit and nodes -----------------------------------------------------------------------------

  void audit(Instant at, String user, String action, Long proposalId, String version, String detail) {
    jdbc.update("insert into rules_audit (at, user_id, action, proposal_id, version, detail) values (?, ?, ?, ?, ?, ?)",
        Timestamp.from(at), user, action, proposalId, version,
        detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)));
  }

  List<AuditRow> audit(int limit) {
    return jdbc.query("select at, user_id, action, proposal_id, version, detail from rules_audit order by id desc",
        (rs, i) -> new AuditRow(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
            rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5), rs.getString(6)))
        .stream().limit(limit).toList();
  }

  void heartbeat(String nodeId, String serving, Instant now, String failedVersion, String error) {
    NodeRow before = nodes().stream().filter(n -> n.nodeId().equals(nodeId)).findFirst().orElse(null);
    Instant errorAt = failedVersion == null ? null
        : before != null && failedVersion.equals(before.failedVersion()) && before.errorAt() != null ? before.errorAt()
        : now;
    Timestamp errorTs = errorAt == null ? null : Timestamp.from(errorAt);
    if (before != null) {
      jdbc.update("update rules_node set serving_version = ?, seen_at = ?, failed_version = ?, error = ?, error_at = ? "
          + "where node_id = ?", serving, Timestamp.from(now), failedVersion, error, errorTs, nodeId);
      return;
    }
    try {
      jdbc.update("insert into rules_node (node_id, serving_version, seen_at, failed_version, error, error_at) "
          + "values (?, ?, ?, ?, ?, ?)", nodeId, serving, Timestamp.from(now), failedVersion, error, errorTs);
    } catch (DuplicateKeyException ignored) {
      // two heartbeats of the same node at once
    }
  }

  List<NodeRow> nodes() {
    return jdbc.query("select node_id, serving_version, seen_at, failed_version, error, error_at from rules_node "
        + "order by node_id", (rs, i) -> new NodeRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
            rs.getString(4), rs.getString(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()));
  }
}
