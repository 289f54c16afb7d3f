package be.parcours.supervision;

import java.time.LocalDate;
import java.util.List;

/** What the Cockpit plugin shows (free endpoint {@code GET /api/supervision/dashboard}). */
record SupervisionDashboard(LocalDate today, int atRiskDays, List<AtRisk> atRisk, List<StepDuration> stepDurations,
    DeadlineScore deadlines, List<Workload> workload) {

  /** A delay row plus the Camunda process instance, for the link into Cockpit. */
  record AtRisk(long dossierId, String reference, String procedure, String step, String assignee,
      String assigneeName, Integer inStepSinceDays, DelayView.NextDeadline nextDeadline, String processInstanceId) {}

  /** Time spent in a step (completed user tasks of the last 12 months), in days. */
  record StepDuration(String procedure, String step, long completed, double medianDays, double p90Days) {}

  /** Legal deadlines falling due this year: met, missed (closed as missed, or pending and past). */
  record DeadlineScore(int year, long met, long missed, List<ProcedureScore> byProcedure) {}

  record ProcedureScore(String procedure, long met, long missed) {}

  /** Open tasks per caseworker (assignee null = not yet assigned), and how many are past due. */
  record Workload(String assignee, String assigneeName, long openTasks, long overdueTasks) {}
}
