package be.parcours.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import be.parcours.clock.LegalClock;
import be.parcours.dossier.DeadlineStatus;
import be.parcours.dossier.DossierFacts;
import be.parcours.dossier.DossierService;
import be.parcours.dossier.DossierStatus;
import be.parcours.dossier.Procedure;
import be.parcours.eligibility.EligibilityEvaluator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.ObjectProvider;

/** What the procedure's service tasks write to the dossier, with the dossier and the clock mocked. */
class ProcedureServiceTest {

  static final long DOSSIER = 7L;

  final DossierService dossiers = mock(DossierService.class);
  final LegalClock clock = mock(LegalClock.class);
  final DecisionStore decisions = mock(DecisionStore.class);
  final ProcedureOutcomes outcomes = mock(ProcedureOutcomes.class);
  @SuppressWarnings("unchecked")
  final ProcedureService service = new ProcedureService(dossiers, mock(ObjectProvider.class), clock,
      new ObjectMapper(), decisions, outcomes);

  private void sponsor(String kind) {
    when(dossiers.facts(DOSSIER)).thenReturn(new DossierFacts(DOSSIER, "RF-2026-00007",
        Procedure.FAMILY_REUNIFICATION, LocalDate.parse("2026-01-05"),
        "{\"sponsor\":{\"kind\":\"" + kind + "\"},\"applicant\":{\"location\":\"ABROAD\"}}", DossierStatus.OPEN));
  }

  @ParameterizedTest(name = "{0} sponsor with card {1} → {2}")
  @CsvSource({
      "THIRD_COUNTRY_NATIONAL, , FR_DECISION_ART10",
      "THIRD_COUNTRY_NATIONAL, OTHER, FR_DECISION_ART10",
      "THIRD_COUNTRY_NATIONAL, D, FR_DECISION_LONG_TERM",
      "THIRD_COUNTRY_NATIONAL, l, FR_DECISION_LONG_TERM",
      "THIRD_COUNTRY_NATIONAL, H, FR_DECISION_LONG_TERM",
      "REFUGEE, , FR_DECISION_ART10",
      "BELGIAN, H, FR_DECISION_FAMILY_OF_BELGIAN_EU",
      "EU_CITIZEN, , FR_DECISION_FAMILY_OF_BELGIAN_EU"})
  void the_decision_clock_follows_the_sponsor(String kind, String card, String code) {
    sponsor(kind);

    assertThat(service.decisionCode(DOSSIER, card)).isEqualTo(code);
  }

  @Test
  void the_decision_deadline_is_stored_on_the_dossier_and_the_timer_fires_after_its_last_day() {
    sponsor("THIRD_COUNTRY_NATIONAL");
    when(clock.deadline("FR_DECISION_LONG_TERM", LocalDate.parse("2026-02-02"), 0, "FR_DECISION_EXTENSION"))
        .thenReturn(new LegalClock.Deadline("FR_DECISION_LONG_TERM", LocalDate.parse("2026-06-02"), "art. 12bis"));

    Date timer = service.startDecisionClock(DOSSIER, "2026-02-02", "H");

    verify(dossiers).upsertDeadline(DOSSIER, "DECISION", LocalDate.parse("2026-06-02"), "art. 12bis");
    verify(dossiers).setStatus(DOSSIER, DossierStatus.SUBMITTED);
    assertThat(timer).isEqualTo(midnightBefore("2026-06-03"));
  }

  @Test
  void a_request_for_documents_extends_the_clock_as_often_as_the_law_allows() {
    sponsor("THIRD_COUNTRY_NATIONAL");
    when(decisions.count(DOSSIER, DecisionOutcome.MORE_DOCUMENTS)).thenReturn(3);
    when(clock.maxExtensions("FR_DECISION_ART10", LocalDate.parse("2026-02-02"))).thenReturn(2);
    when(clock.deadline(anyString(), any(), anyInt(), anyString()))
        .thenReturn(new LegalClock.Deadline("FR_DECISION_ART10", LocalDate.parse("2027-05-02"), "art. 12bis §2"));

    service.extendDecisionClock(DOSSIER, "2026-02-02", null);

    verify(clock).deadline("FR_DECISION_ART10", LocalDate.parse("2026-02-02"), 2, "FR_DECISION_EXTENSION");
  }

  @Test
  void a_late_decision_leaves_the_missed_decision_deadline_missed() {
    service.decisionPositive(DOSSIER, true);
    verify(dossiers, never()).closeDeadlineIfPresent(eq(DOSSIER), eq("DECISION"), any());

    service.decisionPositive(DOSSIER, null);
    verify(dossiers).closeDeadlineIfPresent(DOSSIER, "DECISION", DeadlineStatus.MET);
  }

  @Test
  void a_granted_visa_must_be_collected_within_the_legal_period() {
    when(clock.deadline("VISA_D_COLLECTION", LocalDate.parse("2026-08-31")))
        .thenReturn(new LegalClock.Deadline("VISA_D_COLLECTION", LocalDate.parse("2027-02-28"), "pratique"));

    Date timer = service.startVisaCollectionClock(DOSSIER, "2026-08-31");
    service.visaCollected(DOSSIER);

    verify(dossiers).upsertDeadline(DOSSIER, "VISA_D_COLLECTION", LocalDate.parse("2027-02-28"), "pratique");
    verify(dossiers).closeDeadline(DOSSIER, "VISA_D_COLLECTION", DeadlineStatus.MET);
    assertThat(timer).isEqualTo(midnightBefore("2027-03-01"));
  }

  @Test
  void the_favour_review_window_is_stored_then_met_or_missed() {
    when(clock.deadline("FAVOUR_REVIEW", LocalDate.parse("2026-11-04")))
        .thenReturn(new LegalClock.Deadline("FAVOUR_REVIEW", LocalDate.parse("2027-02-04"), "pratique de l'OE"));

    Date timer = service.startFavourReview(DOSSIER, "2026-11-04");
    service.favourReviewRequested(DOSSIER);

    verify(dossiers).upsertDeadline(DOSSIER, "FAVOUR_REVIEW", LocalDate.parse("2027-02-04"), "pratique de l'OE");
    verify(dossiers).closeDeadline(DOSSIER, "FAVOUR_REVIEW", DeadlineStatus.MET);
    verify(dossiers).setStatus(DOSSIER, DossierStatus.SUBMITTED);
    assertThat(timer).isEqualTo(midnightBefore("2027-02-05"));
  }

  @Test
  void a_grant_a_refusal_and_an_appeal_are_recorded_as_outcomes_for_the_activity_report() {
    when(clock.deadline("APPEAL_CCE", LocalDate.parse("2026-03-02")))
        .thenReturn(new LegalClock.Deadline("APPEAL_CCE", LocalDate.parse("2026-04-01"), "art. 39/57"));

    service.decisionPositive(DOSSIER, null);
    verify(outcomes).granted(DOSSIER);

    service.startAppealClock(DOSSIER, "2026-03-02", null);
    verify(outcomes).refused(DOSSIER, LocalDate.parse("2026-03-02"));

    service.appealFiled(DOSSIER);
    verify(outcomes).appealed(DOSSIER);
  }

  @Test
  void a_missed_appeal_window_or_a_closed_dossier_is_no_outcome() {
    service.appealWindowMissed(DOSSIER);
    service.close(DOSSIER);

    org.mockito.Mockito.verifyNoInteractions(outcomes);
  }

  private static Date midnightBefore(String day) {
    return Date.from(LocalDateTime.parse(day + "T00:00").atZone(ZoneId.of("Europe/Brussels")).toInstant());
  }
}
