package be.parcours.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The authorities' delays on a known data set (plain Java). */
class AuthorityDelaysTest {

  static AuthorityDelays.Case fr(String filed, String due, String answered) {
    return new AuthorityDelays.Case("family-reunification", "DECISION", LocalDate.parse(filed), LocalDate.parse(due),
        answered == null ? null : LocalDate.parse(answered));
  }

  @Test
  void median_90th_percentile_and_share_late_per_procedure_authority_and_year() {
    LocalDate today = LocalDate.of(2026, 12, 1);
    List<AuthorityDelays.Case> cases = List.of(
        // 2025: five files filed, nine months each (legal period 273-275 days)
        fr("2025-01-10", "2025-10-10", "2025-06-10"), // 151 days, in time
        fr("2025-02-01", "2025-11-01", "2025-10-01"), // 242 days, in time
        fr("2025-03-01", "2025-12-01", "2026-02-01"), // 337 days, late
        fr("2025-04-01", "2026-01-01", "2026-04-01"), // 365 days, late
        fr("2025-05-01", "2026-02-01", null), // unanswered and past its last day: late
        // 2026: one answered in time, one still within its period (not judged yet)
        fr("2026-01-05", "2026-10-05", "2026-03-05"), // 59 days
        fr("2026-06-01", "2027-03-01", null),
        // a registrar's check of a nationality declaration
        new AuthorityDelays.Case("nationality", "NATIONALITY_COMPLETENESS_CHECK", LocalDate.parse("2026-02-02"),
            LocalDate.parse("2026-03-23"), LocalDate.parse("2026-04-01")),
        // not an authority's deadline, and a file without its filing day: left out
        new AuthorityDelays.Case("family-reunification", "APPEAL_CCE", LocalDate.parse("2026-02-02"),
            LocalDate.parse("2026-03-04"), null),
        new AuthorityDelays.Case("visa", "DECISION", null, LocalDate.parse("2026-03-04"), null));

    List<AuthorityDelays.Line> lines = AuthorityDelays.aggregate(cases, today);

    assertThat(lines).extracting(l -> l.procedure() + " " + l.authority() + " " + l.year())
        .containsExactly("family-reunification Office des étrangers 2026", "family-reunification Office des étrangers 2025",
            "nationality Officier de l'état civil 2026");
    AuthorityDelays.Line y2025 = lines.get(1);
    assertThat(y2025.files()).isEqualTo(5);
    assertThat(y2025.answered()).isEqualTo(4);
    // 151, 242, 337, 365: median 289.5, p90 = 337 + 0.7 × 28 = 356.6
    assertThat(y2025.medianDays()).isEqualTo(289.5);
    assertThat(y2025.p90Days()).isEqualTo(356.6);
    assertThat(y2025.legalMedianDays()).isEqualTo(275.0);
    assertThat(y2025.late()).isEqualTo(3);
    assertThat(y2025.latePercent()).isEqualTo(60.0);
    AuthorityDelays.Line y2026 = lines.get(0);
    assertThat(y2026.files()).isEqualTo(2);
    assertThat(y2026.late()).isZero();
    assertThat(y2026.latePercent()).isEqualTo(0.0);
    assertThat(y2026.medianDays()).isEqualTo(59.0);
    AuthorityDelays.Line registrar = lines.get(2);
    assertThat(registrar.medianDays()).isEqualTo(58.0);
    assertThat(registrar.latePercent()).isEqualTo(100.0);

    assertThat(AuthorityDelays.csv(lines)).startsWith(AuthorityDelays.CSV_HEADER + "\r\n")
        .contains("family-reunification,\"Office des étrangers\",2025,5,4,289.5,356.6,275.0,3,60.0\r\n");
    assertThat(AuthorityDelays.xlsx(lines)).startsWith(new byte[] {'P', 'K'});
  }
}
