package be.parcours.reporting;

import be.parcours.dossier.DossierService;
import be.parcours.dossier.InterventionType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import be.parcours.cluster.BackgroundStartupEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: three years of fictitious activity on the demo dossiers (interventions of
 * every type, each on a dossier already opened that day; information sessions and visa workshops),
 * so that the activity report page shows last year beside the year before at once. Deterministic;
 * written once, into a database without any collective session, after the demo dossiers and their
 * three-year story ({@code procedure.DemoStory}).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "parcours.demo.dossiers", havingValue = "true", matchIfMissing = true)
class DemoActivity {

  private static final Logger log = LoggerFactory.getLogger(DemoActivity.class);
  static final int MONTHS = 36;
  private static final List<String> AUTHORS = List.of("demo-caseworker", "demo-reception", "demo-caseworker",
      "demo-legal");

  private final JdbcTemplate jdbc;
  private final DossierService dossierService;
  private final CollectiveSessionService sessions;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DemoActivity(JdbcTemplate jdbc, DossierService dossierService, CollectiveSessionService sessions,
      TransactionTemplate transaction, Clock clock) {
    this.jdbc = jdbc;
    this.dossierService = dossierService;
    this.sessions = sessions;
    this.transaction = transaction;
    this.clock = clock;
  }

  private record Opened(long id, LocalDate openedOn) {}

  @EventListener
  @Order(20)
  public void onReady(BackgroundStartupEvent event) {
    Integer existing = jdbc.queryForObject("select count(*) from collective_session", Integer.class);
    // every dossier with its opening day: an intervention is logged on a dossier already opened that day
    List<Opened> dossiers = jdbc.query("select id, opened_on from dossier order by opened_on, id",
        (rs, n) -> new Opened(rs.getLong(1), rs.getDate(2).toLocalDate()));
    if (existing == null || existing > 0 || dossiers.isEmpty()) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    transaction.executeWithoutResult(status -> {
      InterventionType[] types = InterventionType.values();
      int n = 0;
      for (int m = MONTHS - 1; m >= 0; m--) {
        YearMonth month = YearMonth.from(today).minusMonths(m);
        int count = 5 + (MONTHS - m) / 4 + (m * 5) % 4; // demand grows year after year
        for (int i = 0; i < count; i++) {
          LocalDate day = month.atDay(1 + (i * 7 + m * 3) % month.lengthOfMonth());
          if (day.isAfter(today)) {
            continue;
          }
          LocalDate on = day;
          List<Long> openThatDay = dossiers.stream().filter(d -> !d.openedOn().isAfter(on)).map(Opened::id).toList();
          if (openThatDay.isEmpty()) {
            continue;
          }
          dossierService.logIntervention(openThatDay.get((i + m) % openThatDay.size()),
              types[(i * 3 + m) % types.length], day, 15 + (i * 10) % 75, "Données de démonstration",
              AUTHORS.get((i + m) % AUTHORS.size()));
          n++;
        }
        LocalDate infoDay = month.atDay(Math.min(12, month.lengthOfMonth()));
        if (!infoDay.isAfter(today)) {
          sessions.record(infoDay, SessionKind.INFO_SESSION_FAMILY_REUNIFICATION, 6 + (m * 7) % 11,
              "Séance d'information (démonstration)", List.of(), List.of(), "demo-caseworker");
        }
        LocalDate workshopDay = month.atDay(Math.min(26, month.lengthOfMonth()));
        if (m % 2 == 0 && !workshopDay.isAfter(today)) {
          sessions.record(workshopDay, SessionKind.VISA_WORKSHOP, 3 + (m * 3) % 8, "Atelier visa (démonstration)",
              List.of(), List.of(), "demo-caseworker");
        }
      }
      log.info("Demo activity created: {} interventions over {} months", n, MONTHS);
    });
  }
}
