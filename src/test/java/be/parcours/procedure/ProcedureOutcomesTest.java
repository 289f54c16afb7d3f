package be.parcours.procedure;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import be.parcours.dossier.DossierFacts;
import be.parcours.dossier.DossierService;
import be.parcours.dossier.DossierStatus;
import be.parcours.dossier.Procedure;
import be.parcours.reporting.OutcomeKind;
import be.parcours.reporting.ReportingService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which outcome a procedure's step records, and on which day. */
class ProcedureOutcomesTest {

  static final long DOSSIER = 9L;
  static final LocalDate TODAY = LocalDate.parse("2026-05-20");

  final ReportingService reporting = mock(ReportingService.class);
  final DossierService dossiers = mock(DossierService.class);
  final DecisionStore decisions = mock(DecisionStore.class);
  final ProcedureOutcomes outcomes = new ProcedureOutcomes(reporting, dossiers, decisions,
      Clock.fixed(Instant.parse("2026-05-20T08:00:00Z"), ZoneId.of("Europe/Brussels")));

  private void procedure(Procedure procedure) {
    when(dossiers.facts(DOSSIER)).thenReturn(new DossierFacts(DOSSIER, "XX-2026-00009", procedure,
        LocalDate.parse("2026-01-05"), "{}", DossierStatus.SUBMITTED));
  }

  @ParameterizedTest(name = "{0} granted → {1}")
  @CsvSource({"FAMILY_REUNIFICATION, REUNIFICATION_GRANTED", "VISA, VISA_OBTAINED"})
  void a_positive_decision_is_dated_by_its_notification(Procedure procedure, OutcomeKind kind) {
    procedure(procedure);
    when(decisions.lastNotifiedOn(DOSSIER, DecisionOutcome.POSITIVE)).thenReturn(LocalDate.parse("2026-05-12"));

    outcomes.granted(DOSSIER);

    verify(reporting).recordOutcome(DOSSIER, kind, LocalDate.parse("2026-05-12"));
  }

  @Test
  void a_grant_without_a_recorded_decision_is_dated_today() {
    procedure(Procedure.VISA);

    outcomes.granted(DOSSIER);

    verify(reporting).recordOutcome(DOSSIER, OutcomeKind.VISA_OBTAINED, TODAY);
  }

  @Test
  void a_refusal_is_dated_by_its_notification_and_an_appeal_or_an_acquisition_by_today() {
    when(decisions.lastNotifiedOn(DOSSIER, DecisionOutcome.NEGATIVE)).thenReturn(LocalDate.parse("2026-04-30"));

    outcomes.refused(DOSSIER);
    outcomes.appealed(DOSSIER);
    outcomes.nationalityAcquired(DOSSIER);

    verify(reporting).recordOutcome(DOSSIER, OutcomeKind.REFUSAL, LocalDate.parse("2026-04-30"));
    verify(reporting).recordOutcome(DOSSIER, OutcomeKind.APPEAL, TODAY);
    verify(reporting).recordOutcome(DOSSIER, OutcomeKind.NATIONALITY_ACQUIRED, TODAY);
  }
}
