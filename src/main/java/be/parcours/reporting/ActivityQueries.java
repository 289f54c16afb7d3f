package be.parcours.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Aggregate SQL of the activity report, portable across H2 and PostgreSQL (no date functions: days
 * are grouped in SQL, months in Java). Reads the dossier module's tables (dossier, intervention),
 * and this module's own tables; never a name.
 */
@Repository
class ActivityQueries {

  /** The days a procedure reached a final outcome (an appeal is not one: it follows a refusal). */
  private static final String DECISION_DAYS = """
      select o.dossier_id as dossier_id, o.decided_on as decided_on from dossier_outcome o where o.kind <> 'APPEAL'
      """;

  private final NamedParameterJdbcTemplate jdbc;

  ActivityQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static MapSqlParameterSource range(LocalDate from, LocalDate to) {
    return new MapSqlParameterSource().addValue("from", from).addValue("to", to);
  }

  record People(long accompanied, long newPeople) {}

  /**
   * People accompanied in the period, each once: a dossier of theirs was open at some time in the
   * period (opened on or before its end, not closed before its start), or an intervention for them
   * happened in it. New = their first dossier ever was opened in the period.
   */
  People people(LocalDate from, LocalDate to) {
    return jdbc.queryForObject("""
        select count(*) as accompanied,
               coalesce(sum(case when f.first_opened >= :from and f.first_opened <= :to then 1 else 0 end), 0) as new_people
        from (
          select d.beneficiary_id as beneficiary_id from dossier d
           where d.opened_on <= :to and (d.closed_on is null or d.closed_on >= :from)
          union
          select i.beneficiary_id from intervention i
           where i.happened_on >= :from and i.happened_on <= :to and i.beneficiary_id is not null
        ) p
        left join (select beneficiary_id, min(opened_on) as first_opened from dossier group by beneficiary_id) f
          on f.beneficiary_id = p.beneficiary_id
        """, range(from, to), (rs, i) -> new People(rs.getLong("accompanied"), rs.getLong("new_people")));
  }

  record InterventionGroup(LocalDate day, String type, String procedure, String by, long count, long minutes) {}

  /** Interventions of the period grouped by day, type, procedure of their dossier (null: none) and author. */
  List<InterventionGroup> interventions(LocalDate from, LocalDate to) {
    return jdbc.query("""
        select i.happened_on, i.type, d.procedure_code, i.created_by, count(*) as n, coalesce(sum(i.minutes), 0) as minutes
        from intervention i left join dossier d on d.id = i.dossier_id
        where i.happened_on >= :from and i.happened_on <= :to
        group by i.happened_on, i.type, d.procedure_code, i.created_by
        """, range(from, to), (rs, i) -> new InterventionGroup(rs.getObject("happened_on", LocalDate.class),
        rs.getString("type"), rs.getString("procedure_code"), rs.getString("created_by"), rs.getLong("n"),
        rs.getLong("minutes")));
  }

  record SessionGroup(String kind, long sessions, long participants) {}

  List<SessionGroup> sessions(LocalDate from, LocalDate to) {
    return jdbc.query("""
        select s.kind, count(*) as n, coalesce(sum(s.participants), 0) as participants
        from collective_session s where s.held_on >= :from and s.held_on <= :to
        group by s.kind
        """, range(from, to), (rs, i) -> new SessionGroup(rs.getString("kind"), rs.getLong("n"),
        rs.getLong("participants")));
  }

  record OutcomeEvent(long dossierId, String kind, LocalDate day) {}

  /**
   * Outcomes recorded in the range (by the procedures' steps through
   * {@link ReportingService#recordOutcome}); the decision endpoint's own table is not read: its
   * POSITIVE also means "file complete" for a registrar.
   */
  List<OutcomeEvent> outcomes(LocalDate from, LocalDate to) {
    return jdbc.query("""
        select o.dossier_id, o.kind, o.decided_on from dossier_outcome o
         where o.decided_on >= :from and o.decided_on <= :to
        """, range(from, to), (rs, i) -> new OutcomeEvent(rs.getLong("dossier_id"), rs.getString("kind"),
        rs.getObject("decided_on", LocalDate.class)));
  }

  record Ended(long dossierId, String procedure, LocalDate openedOn, LocalDate endedOn) {}

  /**
   * Dossiers whose procedure ended in the range: the day of their first recorded outcome other than
   * an appeal, or else the day they were closed.
   */
  List<Ended> ended(LocalDate from, LocalDate to) {
    return jdbc.query("""
        select d.id, d.procedure_code, d.opened_on, coalesce(min(e.decided_on), d.closed_on) as ended_on
        from dossier d left join (%s) e on e.dossier_id = d.id
        group by d.id, d.procedure_code, d.opened_on, d.closed_on
        having coalesce(min(e.decided_on), d.closed_on) >= :from and coalesce(min(e.decided_on), d.closed_on) <= :to
        """.formatted(DECISION_DAYS), range(from, to), (rs, i) -> new Ended(rs.getLong("id"),
        rs.getString("procedure_code"), rs.getObject("opened_on", LocalDate.class),
        rs.getObject("ended_on", LocalDate.class)));
  }

  Map<String, Object> dossierOf(long dossierId) {
    var rows = jdbc.queryForList("select id, beneficiary_id from dossier where id = :id",
        Map.of("id", dossierId));
    return rows.isEmpty() ? null : rows.get(0);
  }
}
