package be.parcours.alerts;

import be.parcours.alerts.AlertDossierSource.AlertDossier;
import be.parcours.alerts.AlertDossierSource.DeadlineFact;
import be.parcours.alerts.AlertDossierSource.DocumentFact;
import be.parcours.eligibility.RuleOutput.Risk;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The alerts of one dossier on a day, from the risk dates the rules give for its facts, its
 * documents and its deadlines. Plain Java: the texts and the legal values are given to it.
 */
final class AlertCalculator {

  /** What the calculation needs of the rules: texts (key, args) and the maximal age of a document (months, or null). */
  interface Law {
    String text(String key, Object... args);

    Integer documentMaxAgeMonths(String documentCode, LocalDate day);

    int childUrgentDays(LocalDate day);
  }

  /** Statuses in which the authority has not decided yet. */
  static final Set<String> PENDING = Set.of("OPEN", "IN_PROGRESS", "SUBMITTED");
  /** Statuses in which the application is not filed yet. */
  static final Set<String> NOT_FILED = Set.of("OPEN", "IN_PROGRESS");
  static final String DECISION = "DECISION";

  private AlertCalculator() {}

  static List<Alert> alerts(AlertDossier d, List<Risk> risks, LocalDate today, int within, Law law) {
    LocalDate horizon = today.plusDays(within);
    List<Alert> alerts = new ArrayList<>();
    boolean pending = PENDING.contains(d.status());
    boolean decisionClockStarted = d.deadlines().stream().anyMatch(dl -> DECISION.equals(dl.code()));
    boolean notFiled = NOT_FILED.contains(d.status()) && !decisionClockStarted;
    LocalDate expectedDecision = d.deadlines().stream()
        .filter(dl -> DECISION.equals(dl.code()) && "PENDING".equals(dl.status())).map(DeadlineFact::dueOn)
        .findFirst().orElse(null);
    BiFunction<LocalDate, Boolean, Boolean> inWindow = (day, includeToday) ->
        day != null && (includeToday ? !day.isBefore(today) : day.isAfter(today)) && !day.isAfter(horizon);

    for (Risk r : risks) {
      if (!pending || !inWindow.apply(r.date(), true)) {
        continue;
      }
      if ("DEADLINE_SOON".equals(r.kind()) && !notFiled) {
        continue; // an exemption window matters only before the application is filed
      }
      Object[] args = new Object[r.messageArgs().length + 1];
      args[0] = r.date();
      System.arraycopy(r.messageArgs(), 0, args, 1, r.messageArgs().length);
      String message = law.text(r.messageKey(), args);
      boolean urgent = "CHILD_COMES_OF_AGE".equals(r.kind())
          && !r.date().isAfter(today.plusDays(law.childUrgentDays(today)));
      alerts.add(new Alert(d.dossierId(), d.reference(), r.kind(), r.date(),
          urgent ? law.text("alert.urgent", message) : message, urgent));
    }

    for (DocumentFact doc : d.documents()) {
      if (!"RECEIVED".equals(doc.status()) && !"VALIDATED".equals(doc.status())) {
        continue;
      }
      LocalDate expires = doc.expiresOn();
      String message = null;
      if (inWindow.apply(expires, true)) {
        message = law.text("alert.documentExpires", expires, doc.code());
      } else if (doc.receivedOn() != null) {
        Integer months = law.documentMaxAgeMonths(doc.code(), today);
        if (months != null) {
          expires = doc.receivedOn().plusMonths(months);
          if (inWindow.apply(expires, true)) {
            message = law.text("alert.documentTooOld", expires, doc.code(), doc.receivedOn(), months);
          }
        }
      }
      if (message != null) {
        if (expectedDecision != null && expires.isBefore(expectedDecision)) {
          message = law.text("alert.beforeDecision", message, expectedDecision);
        }
        alerts.add(new Alert(d.dossierId(), d.reference(), "DOCUMENT_EXPIRES", expires, message, false));
      }
    }

    for (DeadlineFact dl : d.deadlines()) {
      boolean decision = DECISION.equals(dl.code());
      if (decision && pending && ("MISSED".equals(dl.status())
          || ("PENDING".equals(dl.status()) && dl.dueOn().isBefore(today)))) {
        alerts.add(new Alert(d.dossierId(), d.reference(), "DECISION_OVERDUE", dl.dueOn(),
            law.text("alert.decisionOverdue", dl.dueOn(), String.valueOf(dl.legalBasis())), true));
      } else if ("PENDING".equals(dl.status()) && inWindow.apply(dl.dueOn(), true)) {
        alerts.add(new Alert(d.dossierId(), d.reference(), "DEADLINE_SOON", dl.dueOn(),
            law.text("alert.deadlineSoon", dl.dueOn(), dl.code(), String.valueOf(dl.legalBasis())), false));
      }
    }
    return alerts;
  }

  /** Soonest first; on the same day urgent first, then by dossier and kind. */
  static final Comparator<Alert> SOONEST_FIRST = Comparator.comparing(Alert::date)
      .thenComparing(a -> !a.urgent()).thenComparing(Alert::reference).thenComparing(Alert::kind);
}
