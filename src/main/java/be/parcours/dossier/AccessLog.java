package be.parcours.dossier;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dossiers' access log (GDPR, professional secrecy): every read, search hit, change, decision,
 * export, file upload and download, exceptional access and creation, with who, when and what.
 * Append-only: this class only inserts and reads (no update or delete anywhere in the code but the
 * GDPR anonymisation's redaction of free-text details, be.parcours.privacy.Anonymiser; on
 * PostgreSQL a trigger refuses them, V66). Other modules record their own accesses here (the
 * decision, the GDPR export, the anonymisation).
 */
@Service
public class AccessLog {

  /** One line of a dossier's access log, newest first in {@link #of}. */
  public record Line(Instant at, String user, AccessAction action, String detail) {}

  private static final String INSERT_HEAD =
      "insert into dossier_access_log (dossier_id, username, action, at, detail) values ";
  private static final String INSERT = INSERT_HEAD + "(?, ?, ?, ?, ?)";
  private static final int MAX_DETAIL = 1000;

  private final JdbcTemplate jdbc;
  private final Clock clock;

  AccessLog(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records one access in the caller's transaction (a failed operation leaves no line). */
  @Transactional
  public void record(long dossierId, String user, AccessAction action, String detail) {
    jdbc.update(INSERT, dossierId, user, action.name(), Timestamp.from(clock.instant()), cut(detail));
  }

  /** Rows per multi-row INSERT of {@link #recordAll} (a page of search results is at most 100). */
  static final int ROWS_PER_STATEMENT = 100;

  /**
   * One line per dossier (search hits), in one multi-row statement per {@value #ROWS_PER_STATEMENT}
   * lines (one round trip for a page, not one execution per line), in the caller's transaction.
   */
  @Transactional
  public void recordAll(Collection<Long> dossierIds, String user, AccessAction action, String detail) {
    if (dossierIds.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(clock.instant());
    String d = cut(detail);
    List<Long> ids = List.copyOf(dossierIds);
    for (int from = 0; from < ids.size(); from += ROWS_PER_STATEMENT) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + ROWS_PER_STATEMENT));
      StringBuilder sql = new StringBuilder(INSERT_HEAD);
      Object[] args = new Object[chunk.size() * 5];
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
        args[i * 5] = chunk.get(i);
        args[i * 5 + 1] = user;
        args[i * 5 + 2] = action.name();
        args[i * 5 + 3] = now;
        args[i * 5 + 4] = d;
      }
      jdbc.update(sql.toString(), args);
    }
  }

  /** The whole log of a dossier, newest first (who may read it is the caller's check). */
  @Transactional(readOnly = true)
  public List<Line> of(long dossierId) {
    return jdbc.query("select at, username, action, detail from dossier_access_log where dossier_id = ? "
        + "order by at desc, id desc", (rs, i) -> new Line(rs.getTimestamp(1).toInstant(), rs.getString(2),
            action(rs.getString(3)), rs.getString(4)), dossierId);
  }

  private static AccessAction action(String stored) {
    try {
      return AccessAction.valueOf(stored);
    } catch (IllegalArgumentException e) {
      return AccessAction.CHANGE; // rows older than the action list (V65 migrated them; belt and braces)
    }
  }

  private static String cut(String detail) {
    return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
  }
}
