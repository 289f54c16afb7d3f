package be.parcours.eligibility;

import be.parcours.eligibility.FamilyReunificationFacts.Applicant;
import be.parcours.eligibility.FamilyReunificationFacts.IncomeKind;
import be.parcours.eligibility.FamilyReunificationFacts.Sponsor;
import be.parcours.eligibility.RuleSetCompiler.CompiledRuleSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The legal staff's regression cases (rules/scenarios/*.csv, ';'-separated, one case a line, an
 * empty cell = unknown): run against a rule set, each names what it expected and what it got.
 */
public final class Scenarios {

  /** A failed scenario, as the rules API reports it. */
  public record Failure(String name, String expected, String actual) {}

  record Report(int passed, List<Failure> failed) {}

  private Scenarios() {}

  static Report run(RuleFiles files, CompiledRuleSet ruleSet) {
    int passed = 0;
    List<Failure> failed = new ArrayList<>();
    for (var entry : files.files().entrySet()) {
      if (!entry.getKey().startsWith("scenarios/family-reunification")) {
        continue;
      }
      for (Map<String, String> row : rows(new String(entry.getValue(), StandardCharsets.UTF_8))) {
        String name = entry.getKey() + " — " + row.get("scenario");
        String expected = row.get("expectedOutcome") + expectedDetail(row);
        String actual;
        try {
          Verdict v = RuleEngine.familyReunification(ruleSet, familyFacts(row), LocalDate.parse(row.get("referenceDate")),
              Locale.FRENCH);
          actual = v.outcome() + actualDetail(row, v);
        } catch (RuntimeException e) {
          actual = "ERROR " + e.getMessage();
        }
        if (expected.equals(actual)) {
          passed++;
        } else {
          failed.add(new Failure(name, expected, actual));
        }
      }
    }
    return new Report(passed, failed);
  }

  private static String expectedDetail(Map<String, String> row) {
    StringBuilder sb = new StringBuilder();
    if (!row.get("expectedRegime").isEmpty()) {
      sb.append(" regime=").append(row.get("expectedRegime"));
    }
    sb.append(" notMet=").append(new TreeSet<>(Arrays.asList(row.get("expectedNotMet").split("\\s+")))
        .stream().filter(s -> !s.isBlank()).toList());
    return sb.toString();
  }

  private static String actualDetail(Map<String, String> row, Verdict v) {
    StringBuilder sb = new StringBuilder();
    if (!row.get("expectedRegime").isEmpty()) {
      sb.append(" regime=").append(v.regime());
    }
    sb.append(" notMet=").append(v.findings().stream().filter(f -> "NOT_MET".equals(f.result()))
        .map(Verdict.FindingView::criterion).sorted().toList());
    return sb.toString();
  }

  static FamilyReunificationFacts familyFacts(Map<String, String> r) {
    EnumSet<IncomeKind> kinds = null;
    if (!r.get("incomeKinds").isEmpty()) {
      kinds = EnumSet.noneOf(IncomeKind.class);
      for (String k : r.get("incomeKinds").split("\\s+")) {
        kinds.add(IncomeKind.valueOf(k));
      }
    }
    return new FamilyReunificationFacts(
        new Sponsor(FamilyReunificationFacts.SponsorKind.valueOf(r.get("sponsorKind")),
            enumOrNull(FamilyReunificationFacts.Residence.class, r.get("residence")), date(r.get("statusGrantedOn")),
            r.get("monthlyNetIncome").isEmpty() ? null : new BigDecimal(r.get("monthlyNetIncome")), kinds,
            bool(r.get("adequateHousing")), bool(r.get("healthInsurance")),
            r.get("householdSize").isEmpty() ? null : Integer.valueOf(r.get("householdSize"))),
        new Applicant(FamilyReunificationFacts.Relationship.valueOf(r.get("relationship")),
            date(r.get("applicantBirthDate")), null, bool(r.get("relationshipBeforeSponsorArrival")),
            enumOrNull(FamilyReunificationFacts.Location.class, r.get("location"))));
  }

  static List<Map<String, String>> rows(String csv) {
    List<Map<String, String>> rows = new ArrayList<>();
    String[] header = null;
    try (BufferedReader reader = new BufferedReader(new StringReader(csv))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split(";", -1);
        if (header == null) {
          header = Arrays.stream(cells).map(String::strip).toArray(String[]::new);
          continue;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], i < cells.length ? cells[i].strip() : "");
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  private static LocalDate date(String s) {
    return s.isEmpty() ? null : LocalDate.parse(s);
  }

  private static Boolean bool(String s) {
    return s.isEmpty() ? null : switch (s.toLowerCase(Locale.ROOT)) {
      case "oui", "yes", "true" -> Boolean.TRUE;
      default -> Boolean.FALSE;
    };
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String s) {
    return s.isEmpty() ? null : Enum.valueOf(type, s);
  }
}
