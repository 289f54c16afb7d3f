package be.parcours.supervision;

import be.parcours.dossier.Procedure;
import be.parcours.shared.TimeConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Delays of open dossiers, time spent per step, deadlines met/missed, workload. Days are Brussels days. */
@Service
class SupervisionService {

  private final SupervisionQueries queries;
  private final SupervisionProperties properties;
  private final Clock clock;

  SupervisionService(SupervisionQueries queries, SupervisionProperties properties, Clock clock) {
    this.queries = queries;
    this.properties = properties;
    this.clock = clock;
  }

  /** Open dossiers, most urgent first: fewest days left (no deadline last), then longest in step, then reference. */
  @Transactional(readOnly = true)
  List<DelayView> delays(Procedure procedure, boolean overdueOnly) {
    return fold(procedure, overdueOnly ? LocalDate.now(clock) : null).stream().map(Folded::view).toList();
  }

  @Transactional(readOnly = true)
  SupervisionDashboard dashboard() {
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    int horizon = properties.atRiskDays();
    List<SupervisionDashboard.AtRisk> atRisk = fold(null, today.plusDays(horizon + 1L)).stream()
        .limit(properties.atRiskLimit())
        .map(f -> new SupervisionDashboard.AtRisk(f.view.dossierId(), f.view.reference(), f.view.procedure(),
            f.view.step(), f.view.assignee(), f.assigneeName, f.view.inStepSinceDays(), f.view.nextDeadline(),
            f.processInstanceId))
        .toList();
    var steps = queries.stepDurations(now.minus(365, ChronoUnit.DAYS)).stream()
        .map(s -> new SupervisionDashboard.StepDuration(SupervisionQueries.procedureOf(s.processKey()), s.step(),
            s.completed(), days(s.medianMillis()), days(s.p90Millis())))
        .toList();
    var byProcedure = queries.deadlineScore(LocalDate.of(today.getYear(), 1, 1), LocalDate.of(today.getYear(), 12, 31),
        today).stream()
        .map(r -> new SupervisionDashboard.ProcedureScore(r.procedure(), r.met(), r.missed()))
        .toList();
    var score = new SupervisionDashboard.DeadlineScore(today.getYear(),
        byProcedure.stream().mapToLong(SupervisionDashboard.ProcedureScore::met).sum(),
        byProcedure.stream().mapToLong(SupervisionDashboard.ProcedureScore::missed).sum(), byProcedure);
    return new SupervisionDashboard(today, horizon, atRisk, steps, score, queries.workload(now));
  }

  /** A dossier's delay row, with primitive sort keys (fewest days left, longest in step, reference). */
  private record Folded(DelayView view, String processInstanceId, String assigneeName, long daysLeftKey,
      int inStepKey) {

    static final Comparator<Folded> ORDER = Comparator.comparingLong(Folded::daysLeftKey)
        .thenComparingInt(Folded::inStepKey)
        .thenComparing(f -> f.view().reference());

    static Folded of(DelayView view, String processInstanceId, String assigneeName) {
      return new Folded(view, processInstanceId, assigneeName, view.daysLeft() == null ? Long.MAX_VALUE : view.daysLeft(),
          view.inStepSinceDays() == null ? Integer.MAX_VALUE : -view.inStepSinceDays());
    }
  }

  private List<Folded> fold(Procedure procedure, LocalDate dueBefore) {
    LocalDate today = LocalDate.now(clock);
    Map<Long, Acc> byDossier = new LinkedHashMap<>(4096);
    for (var row : queries.delays(procedure == null ? null : procedure.code(), dueBefore)) {
      Acc acc = byDossier.get(row.dossierId());
      if (acc == null) {
        byDossier.put(row.dossierId(), acc = new Acc(row));
      }
      acc.add(row);
    }
    List<Folded> result = new ArrayList<>(byDossier.size());
    for (Acc acc : byDossier.values()) {
      result.add(Folded.of(acc.view(today), acc.first.processInstanceId(), acc.names()));
    }
    result.sort(Folded.ORDER);
    return result;
  }

  private static double days(double millis) {
    return Math.round(millis / 86_400_000d * 10) / 10d;
  }

  /** Collects the rows of one dossier (several open tasks, deadlines due the same day); usually one row. */
  private static final class Acc {
    final SupervisionQueries.DelayRow first;
    String deadlineCode;
    String deadlineStatus;
    final Map<String, String> names = new LinkedHashMap<>();
    String step;
    Set<String> steps;
    String assignee;
    Set<String> assignees;
    Instant since;

    Acc(SupervisionQueries.DelayRow first) {
      this.first = first;
    }

    void add(SupervisionQueries.DelayRow row) {
      if (row.deadlineCode() != null && (deadlineCode == null || row.deadlineCode().compareTo(deadlineCode) < 0)) {
        deadlineCode = row.deadlineCode();
        deadlineStatus = row.deadlineStatus();
      }
      if (row.assignee() != null) {
        names.putIfAbsent(row.assignee(), row.assigneeName() != null ? row.assigneeName() : row.assignee());
      }
      if (row.taskName() != null) {
        if (step == null) {
          step = row.taskName();
        } else if (!step.equals(row.taskName())) {
          steps = steps != null ? steps : new LinkedHashSet<>(List.of(step));
          steps.add(row.taskName());
        }
      }
      if (row.assignee() != null) {
        if (assignee == null) {
          assignee = row.assignee();
        } else if (!assignee.equals(row.assignee())) {
          assignees = assignees != null ? assignees : new LinkedHashSet<>(List.of(assignee));
          assignees.add(row.assignee());
        }
      }
      if (row.taskCreated() != null && (since == null || row.taskCreated().isBefore(since))) {
        since = row.taskCreated();
      }
    }

    /** The assignees by name ("Prénom Nom", the login when the user has no name), or null. */
    String names() {
      return names.isEmpty() ? null : String.join(", ", names.values());
    }

    DelayView view(LocalDate today) {
      DelayView.NextDeadline next = first.dueOn() == null ? null
          : new DelayView.NextDeadline(deadlineCode, first.dueOn(), ChronoUnit.DAYS.between(today, first.dueOn()),
              deadlineStatus);
      Integer inStep = since == null ? null
          : (int) Math.max(0, ChronoUnit.DAYS.between(since.atZone(TimeConfig.BRUSSELS).toLocalDate(), today));
      return new DelayView(first.dossierId(), first.reference(), first.procedure(),
          steps != null ? String.join(" / ", steps) : step,
          assignees != null ? String.join(", ", assignees) : assignee, inStep, next);
    }
  }
}
