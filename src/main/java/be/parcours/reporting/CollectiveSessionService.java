package be.parcours.reporting;

import be.parcours.shared.BusinessRuleException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collective sessions (information sessions on family reunification, visa workshops...): the day,
 * the kind, how many took part, and optional links to accompanied people (by beneficiary or dossier id).
 */
@Service
public class CollectiveSessionService {

  public record SessionView(long id, LocalDate date, SessionKind kind, int participants, String note,
      int linkedBeneficiaries, String by) {}

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final Clock clock;

  CollectiveSessionService(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, Clock clock) {
    this.jdbc = jdbc;
    this.named = named;
    this.clock = clock;
  }

  @Transactional
  public SessionView record(LocalDate date, SessionKind kind, int participants, String note,
      List<Long> beneficiaryIds, List<Long> dossierIds, String by) {
    Set<Long> linked = new LinkedHashSet<>();
    for (Long id : beneficiaryIds == null ? List.<Long>of() : beneficiaryIds) {
      Integer n = jdbc.queryForObject("select count(*) from beneficiary where id = ?", Integer.class, id);
      if (n == null || n == 0) {
        throw new BusinessRuleException("beneficiaryIds", "beneficiaryIds: no beneficiary " + id);
      }
      linked.add(id);
    }
    for (Long id : dossierIds == null ? List.<Long>of() : dossierIds) {
      List<Long> b = jdbc.queryForList("select beneficiary_id from dossier where id = ?", Long.class, id);
      if (b.isEmpty()) {
        throw new BusinessRuleException("dossierIds", "dossierIds: no dossier " + id);
      }
      linked.add(b.get(0));
    }
    if (linked.size() > participants) {
      throw new BusinessRuleException("participants", "participants: " + participants
          + " is fewer than the " + linked.size() + " people linked to the session");
    }
    var keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("insert into collective_session (held_on, kind, participants, note, "
          + "created_by, created_at) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setObject(1, date);
      ps.setString(2, kind.name());
      ps.setInt(3, participants);
      ps.setString(4, note);
      ps.setString(5, by);
      ps.setTimestamp(6, Timestamp.from(clock.instant()));
      return ps;
    }, keys);
    long id = keys.getKey().longValue();
    for (Long beneficiaryId : linked) {
      jdbc.update("insert into collective_session_beneficiary (session_id, beneficiary_id) values (?, ?)", id,
          beneficiaryId);
    }
    return new SessionView(id, date, kind, participants, note, linked.size(), by);
  }

  @Transactional(readOnly = true)
  public List<SessionView> list(ReportPeriod period) {
    return named.query("""
        select s.id, s.held_on, s.kind, s.participants, s.note, s.created_by,
               (select count(*) from collective_session_beneficiary l where l.session_id = s.id) as linked
        from collective_session s where s.held_on >= :from and s.held_on <= :to
        order by s.held_on, s.id
        """, Map.of("from", period.from(), "to", period.to()), (rs, i) -> new SessionView(rs.getLong("id"),
        rs.getObject("held_on", LocalDate.class), SessionKind.valueOf(rs.getString("kind")),
        rs.getInt("participants"), rs.getString("note"), rs.getInt("linked"), rs.getString("created_by")));
  }

}
