package be.parcours.dossier;

import be.parcours.shared.AccessRestrictedException;
import be.parcours.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the {@link AccessPolicy} to dossiers: the level of a viewer on one dossier or on a page
 * of search results (one look-up each for tasks and exceptional accesses, not one per dossier), and
 * the exceptional accesses themselves.
 */
@Service
public class DossierAccess {

  /** An exceptional access: who, why, from when to when. */
  public record ExceptionalAccess(long dossierId, String reference, String user, String reason, Instant grantedAt,
      Instant expiresAt) {}

  private final AccessPolicy policy = new AccessPolicy();
  private final DossierRepository dossiers;
  private final DossierTasks tasks;
  private final AccessLog accessLog;
  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final Clock clock;
  private final Duration exceptionalDuration;

  DossierAccess(DossierRepository dossiers, DossierTasks tasks, AccessLog accessLog, JdbcTemplate jdbc, Clock clock,
      @Value("${parcours.access.exceptional-hours:24}") long exceptionalHours) {
    this.dossiers = dossiers;
    this.tasks = tasks;
    this.accessLog = accessLog;
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.clock = clock;
    if (exceptionalHours < 1 || exceptionalHours > 24 * 31) {
      throw new IllegalStateException("parcours.access.exceptional-hours must be between 1 and 744, not "
          + exceptionalHours);
    }
    this.exceptionalDuration = Duration.ofHours(exceptionalHours);
  }

  AccessPolicy policy() {
    return policy;
  }

  /** The viewer's level on one dossier (null: not even its card). */
  @Transactional(readOnly = true)
  public AccessLevel levelOf(long dossierId, Viewer viewer) {
    return level(find(dossierId), viewer);
  }

  AccessLevel level(Dossier d, Viewer viewer) {
    return levels(List.of(d), viewer).get(d.getId());
  }

  /** What the access decision needs of a dossier: its id, reference and referent. */
  record Subject(long id, String reference, String referent) {}

  /** The viewer's level on each of these dossiers (a page of search results). */
  Map<Long, AccessLevel> levels(Collection<Dossier> page, Viewer viewer) {
    return levelsOf(page.stream().map(d -> new Subject(d.getId(), d.getReference(), d.getReferent())).toList(), viewer);
  }

  /**
   * The viewer's level on each of these dossiers: at most one look-up each for the tasks held, the
   * legal queue and the exceptional accesses, whatever the page size (none for a supervisor or for
   * the dossiers the viewer follows as referent).
   */
  Map<Long, AccessLevel> levelsOf(Collection<Subject> page, Viewer viewer) {
    Map<Long, AccessLevel> result = new HashMap<>();
    if (page.isEmpty()) {
      return result;
    }
    boolean needsLookups = !viewer.in(AccessPolicy.SUPERVISORS)
        && (viewer.in(AccessPolicy.CASEWORKERS) || viewer.in(AccessPolicy.LEGAL));
    Set<String> notReferent = new HashSet<>();
    Set<Long> notReferentIds = new HashSet<>();
    for (Subject d : page) {
      if (!viewer.user().equals(d.referent())) {
        notReferent.add(d.reference());
        notReferentIds.add(d.id());
      }
    }
    Set<String> held = needsLookups ? tasks.heldBy(viewer.user(), notReferent) : Set.of();
    Set<String> queued = needsLookups && viewer.in(AccessPolicy.LEGAL)
        ? tasks.queuedFor(AccessPolicy.LEGAL, notReferent) : Set.of();
    Set<Long> granted = needsLookups ? grantedTo(viewer.user(), notReferentIds) : Set.of();
    for (Subject d : page) {
      var people = new AccessPolicy.DossierPeople(d.referent(), held.contains(d.reference()),
          queued.contains(d.reference()), granted.contains(d.id()));
      result.put(d.id(), policy.decide(viewer, people));
    }
    return result;
  }

  /**
   * The dossier if the viewer has at least this level, else 403 ACCESS_RESTRICTED (a card only:
   * an exceptional access opens it) or 403 FORBIDDEN (no access at all).
   */
  Dossier require(long dossierId, Viewer viewer, AccessLevel atLeast) {
    Dossier d = find(dossierId);
    AccessLevel level = level(d, viewer);
    if (level == null) {
      throw new AccessDeniedException("no access to dossiers");
    }
    boolean enough = atLeast == AccessLevel.CARD || level == AccessLevel.FULL
        || (atLeast == AccessLevel.RECEPTION && level == AccessLevel.RECEPTION);
    if (!enough) {
      throw new AccessRestrictedException(level == AccessLevel.CARD
          ? "dossier " + d.getReference() + " is followed by other colleagues: ask for an exceptional access "
              + "(POST /api/dossiers/" + dossierId + "/access-requests with a reason)"
          : "dossier " + d.getReference() + ": reception does not see this part of a dossier");
    }
    return d;
  }

  /** Checks, for another module, that the viewer may work on the whole dossier (else 403). */
  @Transactional(readOnly = true)
  public void requireFull(long dossierId, Viewer viewer) {
    require(dossierId, viewer, AccessLevel.FULL);
  }

  /** Grants an exceptional access at once, for {@code parcours.access.exceptional-hours}; logged. */
  @Transactional
  public ExceptionalAccess requestExceptionalAccess(long dossierId, String reason, Viewer viewer) {
    Dossier d = find(dossierId);
    if (!policy.mayRequestExceptionalAccess(viewer)) {
      throw new AccessDeniedException("only caseworkers and legal staff ask for an exceptional access");
    }
    Instant now = clock.instant();
    Instant until = now.plus(exceptionalDuration);
    String why = reason.strip();
    jdbc.update("insert into dossier_access_grant (dossier_id, username, reason, granted_at, expires_at) "
        + "values (?, ?, ?, ?, ?)", dossierId, viewer.user(), why, Timestamp.from(now), Timestamp.from(until));
    accessLog.record(dossierId, viewer.user(), AccessAction.EXCEPTIONAL_ACCESS, why);
    return new ExceptionalAccess(dossierId, d.getReference(), viewer.user(), why, now, until);
  }

  /** The exceptional accesses given on a dossier, newest first (shown to its referent). */
  @Transactional(readOnly = true)
  public List<ExceptionalAccess> exceptionalAccesses(long dossierId) {
    return jdbc.query("select g.dossier_id, d.reference, g.username, g.reason, g.granted_at, g.expires_at "
        + "from dossier_access_grant g join dossier d on d.id = g.dossier_id where g.dossier_id = ? "
        + "order by g.granted_at desc, g.id desc", (rs, i) -> new ExceptionalAccess(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()),
        dossierId);
  }

  /** The exceptional accesses others were given on the dossiers a referent follows, granted since a moment. */
  @Transactional(readOnly = true)
  public List<ExceptionalAccess> exceptionalAccessesToDossiersOf(String referent, Instant since) {
    return jdbc.query("select g.dossier_id, d.reference, g.username, g.reason, g.granted_at, g.expires_at "
        + "from dossier_access_grant g join dossier d on d.id = g.dossier_id where d.assigned_to = ? "
        + "and g.granted_at >= ? order by g.granted_at desc, g.id desc", (rs, i) -> new ExceptionalAccess(
            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
            rs.getTimestamp(6).toInstant()), referent, Timestamp.from(since));
  }

  private Set<Long> grantedTo(String user, Set<Long> dossierIds) {
    if (dossierIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(named.queryForList("select dossier_id from dossier_access_grant where username = :user "
        + "and expires_at > :now and dossier_id in (:ids)", new MapSqlParameterSource()
            .addValue("user", user).addValue("now", Timestamp.from(clock.instant())).addValue("ids", dossierIds),
        Long.class));
  }

  private Dossier find(long id) {
    return dossiers.findById(id).orElseThrow(() -> new NotFoundException("no dossier " + id));
  }
}
