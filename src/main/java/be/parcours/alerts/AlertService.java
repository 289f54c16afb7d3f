package be.parcours.alerts;

import be.parcours.eligibility.LegalParameter;
import be.parcours.eligibility.LegalRisks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Legal-risk alerts: for a user, the dossiers they may read whose legal risk comes within so many
 * days, soonest first (home page, dossier page, {@code GET /api/alerts}). Computed from each
 * dossier's facts by the active rules, its documents (ages from rules/alerts) and its deadlines.
 */
@Service
public class AlertService {

  private static final Logger log = LoggerFactory.getLogger(AlertService.class);

  private final ObjectProvider<AlertDossierSource> source;
  private final LegalRisks risks;
  private final Clock clock;

  AlertService(ObjectProvider<AlertDossierSource> source, LegalRisks risks, Clock clock) {
    this.source = source;
    this.risks = risks;
    this.clock = clock;
  }

  /** The default window (days) of rules/alerts when the caller gives none. */
  public int defaultWithinDays() {
    return risks.number("ALERT_DEFAULT_WITHIN_DAYS", LocalDate.now(clock), 90);
  }

  /** The alerts of the dossiers this user may read in full, within so many days, soonest first. */
  public List<Alert> alertsFor(String user, Set<String> groups, int withinDays, Locale locale) {
    AlertDossierSource s = source.getIfAvailable();
    if (s == null) {
      return List.of();
    }
    return alerts(s.dossiersOf(user, groups), withinDays, locale);
  }

  /** The alerts of one dossier (the dossier page), if the user may read it. */
  public List<Alert> alertsOfDossier(long dossierId, String user, Set<String> groups, int withinDays, Locale locale) {
    return alertsFor(user, groups, withinDays, locale).stream().filter(a -> a.dossierId() == dossierId).toList();
  }

  List<Alert> alerts(List<AlertDossierSource.AlertDossier> dossiers, int withinDays, Locale locale) {
    LocalDate today = LocalDate.now(clock);
    AlertCalculator.Law law = law(locale);
    List<Alert> result = new ArrayList<>();
    for (var d : dossiers) {
      try {
        var report = risks.of(d.procedure(), d.factsJson(), d.referenceDate() != null ? d.referenceDate() : today);
        result.addAll(AlertCalculator.alerts(d, report.risks(), today, withinDays, law));
      } catch (RuntimeException e) {
        log.warn("alerts of dossier {} not computed: {}", d.reference(), e.toString());
      }
    }
    result.sort(AlertCalculator.SOONEST_FIRST);
    return result;
  }

  AlertCalculator.Law law(Locale locale) {
    return new AlertCalculator.Law() {
      @Override
      public String text(String key, Object... args) {
        return LegalRisks.text(key, locale, args);
      }

      @Override
      public Integer documentMaxAgeMonths(String documentCode, LocalDate day) {
        LegalParameter p = risks.parameter("DOCUMENT_MAX_AGE_MONTHS_" + documentCode, day);
        return p == null ? null : p.getNumber();
      }

      @Override
      public int childUrgentDays(LocalDate day) {
        return risks.number("ALERT_CHILD_URGENT_DAYS", day, 60);
      }
    };
  }
}
