package be.parcours.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.alerts.AlertDossierSource.AlertDossier;
import be.parcours.alerts.AlertDossierSource.DeadlineFact;
import be.parcours.alerts.AlertDossierSource.DocumentFact;
import be.parcours.eligibility.RuleOutput.Risk;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alerts of a dossier from its risk dates, documents and deadlines, without Spring. */
class AlertCalculatorTest {

  static final LocalDate TODAY = LocalDate.parse("2026-12-01");

  static final AlertCalculator.Law LAW = new AlertCalculator.Law() {
    @Override
    public String text(String key, Object... args) {
      return key + Arrays.toString(args);
    }

    @Override
    public Integer documentMaxAgeMonths(String documentCode, LocalDate day) {
      return documentCode.equals("BIRTH_CERTIFICATE") ? 6 : null;
    }

    @Override
    public int childUrgentDays(LocalDate day) {
      return 60;
    }
  };

  static AlertDossier dossier(String status, List<DocumentFact> documents, List<DeadlineFact> deadlines) {
    return new AlertDossier(7, "RF-2026-00007", "family-reunification", status, TODAY.minusMonths(2), "{}", "pi",
        documents, deadlines);
  }

  static Risk risk(String kind, LocalDate date) {
    return new Risk(kind, date, "alert." + kind, new Object[] {18, "art. 10"});
  }

  @Test
  void a_child_turning_18_within_60_days_while_the_decision_is_pending_is_urgent() {
    var d = dossier("SUBMITTED", List.of(), List.of(new DeadlineFact("DECISION", TODAY.plusMonths(5), "art. 12bis", "PENDING")));

    var soon = AlertCalculator.alerts(d, List.of(risk("CHILD_COMES_OF_AGE", TODAY.plusDays(60))), TODAY, 90, LAW);
    var later = AlertCalculator.alerts(d, List.of(risk("CHILD_COMES_OF_AGE", TODAY.plusDays(61))), TODAY, 90, LAW);
    var beyond = AlertCalculator.alerts(d, List.of(risk("CHILD_COMES_OF_AGE", TODAY.plusDays(91))), TODAY, 90, LAW);
    var decided = AlertCalculator.alerts(dossier("DECIDED", List.of(), List.of()),
        List.of(risk("CHILD_COMES_OF_AGE", TODAY.plusDays(10))), TODAY, 90, LAW);

    assertThat(soon).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo("CHILD_COMES_OF_AGE");
      assertThat(a.urgent()).isTrue();
      assertThat(a.date()).isEqualTo(TODAY.plusDays(60));
      assertThat(a.message()).startsWith("alert.urgent[alert.CHILD_COMES_OF_AGE[" + TODAY.plusDays(60) + ", 18, art. 10]");
    });
    assertThat(later).singleElement().satisfies(a -> assertThat(a.urgent()).isFalse());
    assertThat(beyond).isEmpty();
    assertThat(decided).isEmpty();
  }

  @Test
  void an_exemption_window_matters_only_before_the_application_is_filed() {
    var risks = List.of(risk("DEADLINE_SOON", TODAY.plusDays(20)));

    assertThat(AlertCalculator.alerts(dossier("OPEN", List.of(), List.of()), risks, TODAY, 90, LAW)).hasSize(1);
    assertThat(AlertCalculator.alerts(dossier("SUBMITTED", List.of(),
        List.of(new DeadlineFact("DECISION", TODAY.plusMonths(8), "art. 12bis", "PENDING"))), risks, TODAY, 90, LAW)).isEmpty();
  }

  @Test
  void documents_expiring_or_getting_too_old_before_the_decision_deadlines_soon_and_an_overdue_decision() {
    var documents = List.of(
        new DocumentFact("PASSPORT", "VALIDATED", TODAY.minusMonths(1), TODAY.plusDays(30)),
        new DocumentFact("BIRTH_CERTIFICATE", "RECEIVED", TODAY.minusMonths(5), null),
        new DocumentFact("MEDICAL_CERTIFICATE", "RECEIVED", TODAY.minusMonths(5), null),
        new DocumentFact("CRIMINAL_RECORD_EXTRACT", "REQUIRED", null, TODAY.plusDays(3)));
    var deadlines = List.of(new DeadlineFact("DECISION", TODAY.minusDays(2), "art. 12bis §2", "MISSED"),
        new DeadlineFact("FAVOUR_REVIEW", TODAY.plusDays(40), "pratique OE", "PENDING"),
        new DeadlineFact("APPEAL_CCE", TODAY.plusDays(5), "art. 39/57", "MET"));

    var alerts = new ArrayList<>(AlertCalculator.alerts(dossier("SUBMITTED", documents, deadlines), List.of(), TODAY, 90, LAW));
    alerts.sort(AlertCalculator.SOONEST_FIRST);

    assertThat(alerts).extracting(a -> a.kind() + " " + a.date()).containsExactly(
        "DECISION_OVERDUE " + TODAY.minusDays(2),
        "DOCUMENT_EXPIRES " + TODAY.plusDays(30),
        "DOCUMENT_EXPIRES " + TODAY.minusMonths(5).plusMonths(6),
        "DEADLINE_SOON " + TODAY.plusDays(40));
    assertThat(alerts.get(0).urgent()).isTrue();
    assertThat(alerts.get(2).message()).startsWith("alert.documentTooOld[").contains("BIRTH_CERTIFICATE");
  }
}
