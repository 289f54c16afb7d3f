package be.parcours.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Retention of closed dossiers (GDPR art. 5 §1 e): which dossiers are due for anonymisation
 * ({@link #candidates}, the dry run) and the run itself ({@link #run}), a plain method that the thin
 * {@link RetentionSchedule} calls once a day. Until {@code parcours.retention.enabled} is true the
 * run only lists. Each dossier is anonymised in its own transaction: a failure leaves that one for
 * the next run and the others done. Idempotent: anonymised dossiers are no longer candidates.
 */
@Service
public class RetentionService {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);

  /** A dossier due for anonymisation: reference, closing day, the day it became due. */
  public record Candidate(long dossierId, String reference, String procedure, LocalDate closedOn, LocalDate dueFrom) {}

  /** What a run found and did. */
  public record Run(boolean enabled, int closedYears, LocalDate on, List<Candidate> candidates,
      List<String> anonymised, List<String> failed) {}

  private final JdbcTemplate jdbc;
  private final Anonymiser anonymiser;
  private final Clock clock;
  private final RetentionRule rule;
  private final boolean enabled;
  private final boolean durationToConfirm;

  RetentionService(JdbcTemplate jdbc, Anonymiser anonymiser, Clock clock,
      @Value("${parcours.retention.closed-years}") int closedYears,
      @Value("${parcours.retention.enabled}") boolean enabled,
      @Value("${parcours.retention.to-confirm}") boolean durationToConfirm) {
    this.jdbc = jdbc;
    this.anonymiser = anonymiser;
    this.clock = clock;
    this.rule = new RetentionRule(closedYears);
    this.enabled = enabled;
    this.durationToConfirm = durationToConfirm;
  }

  /** The duration is a legal value legal staff still have to confirm (docs/privacy.md). */
  public boolean durationToConfirm() {
    return durationToConfirm;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  public int closedYears() {
    return rule.closedYears();
  }

  public boolean enabled() {
    return enabled;
  }

  /** The dry run: closed dossiers, not anonymised yet, closed for longer than the retention today; oldest first. */
  public List<Candidate> candidates() {
    LocalDate today = LocalDate.now(clock);
    return jdbc.query("select id, reference, procedure_code, closed_on from dossier where status = 'CLOSED' "
        + "and anonymised_at is null and closed_on < ? order by closed_on, id",
        (rs, i) -> {
          LocalDate closedOn = rs.getObject(4, LocalDate.class);
          return new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), closedOn, rule.dueFrom(closedOn));
        }, rule.closedBefore(today)).stream().filter(c -> rule.due(c.closedOn(), today)).toList();
  }

  /** The scheduled run: lists the candidates, and anonymises them when enabled. */
  public Run run() {
    return run(enabled);
  }

  /** A run as if {@code parcours.retention.enabled} were {@code anonymise} (tests, an operator's one-off). */
  Run run(boolean anonymise) {
    LocalDate today = LocalDate.now(clock);
    List<Candidate> due = candidates();
    List<String> done = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    if (anonymise) {
      String why = "conservation : clôturé depuis plus de " + rule.closedYears() + " ans";
      for (Candidate c : due) {
        try {
          if (anonymiser.anonymise(c.dossierId(), why + " (le " + c.closedOn() + ")").done()) {
            done.add(c.reference());
          }
        } catch (RuntimeException e) {
          LOG.error("retention: dossier {} could not be anonymised; it stays a candidate", c.reference(), e);
          failed.add(c.reference());
        }
      }
      LOG.info("retention: {} dossier(s) due, {} anonymised, {} failed", due.size(), done.size(), failed.size());
    } else if (!due.isEmpty()) {
      LOG.info("retention (dry run, parcours.retention.enabled=false): {} dossier(s) would be anonymised: {}",
          due.size(), due.stream().map(Candidate::reference).toList());
    }
    return new Run(anonymise, rule.closedYears(), today, due, done, failed);
  }
}
