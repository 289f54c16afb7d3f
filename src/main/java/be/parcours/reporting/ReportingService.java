package be.parcours.reporting;

import be.parcours.dossier.InterventionType;
import be.parcours.dossier.Procedure;
import be.parcours.reporting.ActivityQueries.Ended;
import be.parcours.reporting.ActivityQueries.InterventionGroup;
import be.parcours.reporting.ActivityQueries.OutcomeEvent;
import be.parcours.reporting.ActivityQueries.SessionGroup;
import be.parcours.reporting.ActivityReport.Line;
import be.parcours.reporting.ActivityReport.Month;
import be.parcours.shared.NotFoundException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activity report for funders (issue #7), and the outcomes it counts. Definitions (the
 * README's "Activity report" repeats them):
 * <ul>
 * <li>people accompanied: each person once, however many dossiers; a dossier of theirs was open
 * during the period or an intervention for them happened in it; <b>new</b> when their first
 * dossier ever was opened in the period, <b>continuing</b> otherwise;</li>
 * <li>people informed / trained: participants of the collective sessions held in the period;</li>
 * <li>interventions: individual interventions dated in the period (by type, procedure, author);</li>
 * <li>outcomes: dossiers with that outcome dated in the period, recorded through
 * {@link #recordOutcome} by the procedures' steps (a positive decision, a refusal, an appeal, a
 * nationality acquired), each dossier once per kind;</li>
 * <li>median duration: days from opening to the first outcome other than an appeal (else the
 * closing day) of the dossiers whose procedure ended in the period.</li>
 * </ul>
 */
@Service
public class ReportingService {

  static final Map<InterventionType, String> TYPE_LABELS = Map.of(
      InterventionType.INTERVIEW, "Entretien",
      InterventionType.PHONE, "Appel téléphonique",
      InterventionType.LETTER_EMAIL, "Courrier / e-mail",
      InterventionType.EXTERNAL_VISIT, "Visite extérieure",
      InterventionType.APPOINTMENT, "Rendez-vous",
      InterventionType.ADMIN_STEP, "Démarche administrative",
      InterventionType.INFO_SESSION, "Séance d'information (individuelle)");
  static final Map<SessionKind, String> SESSION_LABELS = Map.of(
      SessionKind.INFO_SESSION_FAMILY_REUNIFICATION, "Séances d'information regroupement familial",
      SessionKind.VISA_WORKSHOP, "Ateliers visa",
      SessionKind.CITIZENSHIP, "Séances citoyenneté",
      SessionKind.OTHER, "Autres séances");
  static final Map<OutcomeKind, String> OUTCOME_LABELS = Map.of(
      OutcomeKind.VISA_OBTAINED, "Visas obtenus",
      OutcomeKind.REUNIFICATION_GRANTED, "Regroupements familiaux accordés",
      OutcomeKind.NATIONALITY_ACQUIRED, "Nationalités acquises",
      OutcomeKind.REFUSAL, "Refus",
      OutcomeKind.APPEAL, "Recours introduits");
  static final String NO_PROCEDURE = "none";
  static final String ALL = "all";

  private final ActivityQueries queries;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  ReportingService(ActivityQueries queries, JdbcTemplate jdbc, Clock clock) {
    this.queries = queries;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records an outcome of a dossier, dated by the authority's decision (or the appeal's filing).
   * Idempotent: the same outcome on the same day is stored once. Called by the procedure module's
   * steps (a positive visa decision → {@code VISA_OBTAINED}; a negative one → {@code REFUSAL}; an
   * appeal filed → {@code APPEAL}; no negative opinion → {@code NATIONALITY_ACQUIRED}).
   */
  @Transactional
  public void recordOutcome(long dossierId, OutcomeKind kind, LocalDate decidedOn) {
    if (kind == null || decidedOn == null) {
      throw new IllegalArgumentException("kind and decidedOn are required");
    }
    if (queries.dossierOf(dossierId) == null) {
      throw new NotFoundException("no dossier " + dossierId);
    }
    Integer existing = jdbc.queryForObject("select count(*) from dossier_outcome where dossier_id = ? and kind = ? "
        + "and decided_on = ?", Integer.class, dossierId, kind.name(), decidedOn);
    if (existing != null && existing == 0) {
      jdbc.update("insert into dossier_outcome (dossier_id, kind, decided_on, recorded_at) values (?, ?, ?, ?)",
          dossierId, kind.name(), decidedOn, Timestamp.from(clock.instant()));
    }
  }

  @Transactional(readOnly = true)
  public ActivityReport activity(ReportPeriod period) {
    ReportPeriod previous = period.previous();
    Figures cur = figures(period);
    Figures prev = figures(previous);
    List<Line> lines = new ArrayList<>();

    lines.add(Line.count("people", "accompanied", "Personnes accompagnées", cur.accompanied, prev.accompanied));
    lines.add(Line.count("people", "new", "dont nouvelles personnes", cur.newPeople, prev.newPeople));
    lines.add(Line.count("people", "continuing", "dont personnes déjà suivies", cur.accompanied - cur.newPeople,
        prev.accompanied - prev.newPeople));
    lines.add(Line.count("people", "informed", "Personnes informées / formées (participants aux séances collectives)",
        cur.participants(), prev.participants()));

    lines.add(Line.count("sessions", "total", "Séances collectives", cur.sessions(), prev.sessions()));
    for (SessionKind kind : SessionKind.values()) {
      lines.add(Line.count("sessions", kind.name(), SESSION_LABELS.get(kind),
          cur.sessionsByKind.getOrDefault(kind.name(), 0L), prev.sessionsByKind.getOrDefault(kind.name(), 0L)));
    }
    for (SessionKind kind : SessionKind.values()) {
      lines.add(Line.count("sessionParticipants", kind.name(), "Participants — " + SESSION_LABELS.get(kind),
          cur.participantsByKind.getOrDefault(kind.name(), 0L),
          prev.participantsByKind.getOrDefault(kind.name(), 0L)));
    }

    lines.add(Line.count("interventions", "total", "Interventions", cur.interventions, prev.interventions));
    lines.add(new Line("interventions", "minutes", "Temps consacré aux interventions (minutes)",
        BigDecimal.valueOf(cur.minutes), BigDecimal.valueOf(prev.minutes), cur.interventions, prev.interventions,
        false, false));
    for (InterventionType type : InterventionType.values()) {
      lines.add(Line.count("interventionsByType", type.name(), TYPE_LABELS.get(type),
          cur.byType.getOrDefault(type.name(), 0L), prev.byType.getOrDefault(type.name(), 0L)));
    }
    for (Procedure p : Procedure.values()) {
      lines.add(Line.count("interventionsByProcedure", p.code(), p.descriptor().label(),
          cur.byProcedure.getOrDefault(p.code(), 0L), prev.byProcedure.getOrDefault(p.code(), 0L)));
    }
    long curNone = cur.byProcedure.getOrDefault(NO_PROCEDURE, 0L);
    long prevNone = prev.byProcedure.getOrDefault(NO_PROCEDURE, 0L);
    if (curNone + prevNone > 0) {
      lines.add(Line.count("interventionsByProcedure", NO_PROCEDURE, "Hors dossier", curNone, prevNone));
    }
    Set<String> authors = new TreeSet<>(cur.byAuthor.keySet());
    authors.addAll(prev.byAuthor.keySet());
    for (String author : authors) {
      lines.add(Line.count("interventionsByCaseworker", author, "Interventions — " + author,
          cur.byAuthor.getOrDefault(author, 0L), prev.byAuthor.getOrDefault(author, 0L)).internal());
    }

    for (OutcomeKind kind : OutcomeKind.values()) {
      lines.add(Line.count("outcomes", kind.name(), OUTCOME_LABELS.get(kind), cur.outcomes.getOrDefault(kind, 0L),
          prev.outcomes.getOrDefault(kind, 0L)));
    }

    List<String> durationKeys = new ArrayList<>();
    for (Procedure p : Procedure.values()) {
      durationKeys.add(p.code());
    }
    durationKeys.add(ALL);
    for (String key : durationKeys) {
      lines.add(Line.count("proceduresEnded", key, "Procédures terminées — " + durationLabel(key),
          cur.durations.getOrDefault(key, List.of()).size(), prev.durations.getOrDefault(key, List.of()).size()));
    }
    for (String key : durationKeys) {
      List<Long> c = cur.durations.getOrDefault(key, List.of());
      List<Long> pr = prev.durations.getOrDefault(key, List.of());
      lines.add(new Line("medianDurationDays", key, "Durée médiane (jours) — " + durationLabel(key),
          ReportMath.median(c), ReportMath.median(pr), c.size(), pr.size(), false, false));
    }

    List<YearMonth> months = period.months();
    List<YearMonth> previousMonths = previous.months();
    List<Month> monthLines = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      YearMonth pm = i < previousMonths.size() ? previousMonths.get(i) : null;
      monthLines.add(new Month(months.get(i), cur.perMonth.getOrDefault(months.get(i), 0L), pm,
          pm == null ? null : prev.perMonth.getOrDefault(pm, 0L)));
    }
    return new ActivityReport(period, previous, List.copyOf(lines), List.copyOf(monthLines));
  }

  private static String durationLabel(String key) {
    return ALL.equals(key) ? "toutes procédures" : Procedure.fromCode(key).descriptor().label();
  }

  private static final class Figures {
    long accompanied;
    long newPeople;
    long interventions;
    long minutes;
    final Map<String, Long> byType = new HashMap<>();
    final Map<String, Long> byProcedure = new HashMap<>();
    final Map<String, Long> byAuthor = new HashMap<>();
    final Map<YearMonth, Long> perMonth = new TreeMap<>();
    final Map<String, Long> sessionsByKind = new HashMap<>();
    final Map<String, Long> participantsByKind = new HashMap<>();
    final Map<OutcomeKind, Long> outcomes = new HashMap<>();
    final Map<String, List<Long>> durations = new HashMap<>();

    long sessions() {
      return sessionsByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    long participants() {
      return participantsByKind.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private Figures figures(ReportPeriod period) {
    Figures f = new Figures();
    var people = queries.people(period.from(), period.to());
    f.accompanied = people.accompanied();
    f.newPeople = people.newPeople();
    for (InterventionGroup g : queries.interventions(period.from(), period.to())) {
      f.interventions += g.count();
      f.minutes += g.minutes();
      f.byType.merge(g.type(), g.count(), Long::sum);
      f.byProcedure.merge(g.procedure() == null ? NO_PROCEDURE : g.procedure(), g.count(), Long::sum);
      f.byAuthor.merge(g.by(), g.count(), Long::sum);
      f.perMonth.merge(YearMonth.from(g.day()), g.count(), Long::sum);
    }
    for (SessionGroup s : queries.sessions(period.from(), period.to())) {
      f.sessionsByKind.merge(s.kind(), s.sessions(), Long::sum);
      f.participantsByKind.merge(s.kind(), s.participants(), Long::sum);
    }
    Map<OutcomeKind, Set<Long>> dossiersByOutcome = new HashMap<>();
    for (OutcomeEvent e : queries.outcomes(period.from(), period.to())) {
      dossiersByOutcome.computeIfAbsent(OutcomeKind.valueOf(e.kind()), k -> new HashSet<>()).add(e.dossierId());
    }
    dossiersByOutcome.forEach((kind, ids) -> f.outcomes.put(kind, (long) ids.size()));
    for (Ended e : queries.ended(period.from(), period.to())) {
      long days = ChronoUnit.DAYS.between(e.openedOn(), e.endedOn());
      f.durations.computeIfAbsent(e.procedure(), k -> new ArrayList<>()).add(days);
      f.durations.computeIfAbsent(ALL, k -> new ArrayList<>()).add(days);
    }
    return f;
  }
}
