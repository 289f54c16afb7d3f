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

  /** The columns that state what a scenario expects, in the order they are compared. */
  static final List<String> EXPECTATIONS = List.of("expectedOutcome", "expectedRegime", "expectedLegalBasis",
      "expectedNotMet", "expectedPaths", "expectedFee", "expectedDecisionDeadlineDays", "expectedThreshold");

  static Report run(RuleFiles files, CompiledRuleSet ruleSet) {
    int passed = 0;
    List<Failure> failed = new ArrayList<>();
    for (var entry : files.files().entrySet()) {
      String procedure = procedureOf(entry.getKey());
      if (procedure == null) {
        continue;
      }
      List<Map<String, String>> rows;
      try {
        rows = rows(new String(entry.getValue(), StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        failed.add(new Failure(entry.getKey(), "a readable table", "ERROR " + e.getMessage()));
        continue;
      }
      for (Map<String, String> row : rows) {
        String name = entry.getKey() + " — " + row.getOrDefault("scenario", "?");
        String expected;
        String actual;
        try {
          expected = describe(row, null);
          Verdict v = RuleEngine.evaluate(ruleSet, facts(procedure, row), LocalDate.parse(row.get("referenceDate")),
              Locale.FRENCH);
          actual = describe(row, v);
        } catch (RuntimeException e) {
          expected = row.getOrDefault("expectedOutcome", "?");
          actual = "ERROR " + e;
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

  /** scenarios/family-reunification*.csv, scenarios/nationality*.csv, scenarios/visa*.csv. */
  static String procedureOf(String path) {
    if (!path.startsWith("scenarios/") || !path.endsWith(".csv")) {
      return null;
    }
    String name = path.substring("scenarios/".length());
    return RuleSetCompiler.PROCEDURES.stream().filter(name::startsWith).findFirst().orElse(null);
  }

  static Object facts(String procedure, Map<String, String> row) {
    return ProcedureDescriptors.byCode(procedure).orElseThrow(() -> new IllegalArgumentException(procedure))
        .scenarioFacts().apply(row);
  }

  /**
   * What the row expects (verdict == null) or what the verdict gives, for the expectation columns
   * of the row: the outcome always, the others when their cell is filled (expectedNotMet always).
   */
  static String describe(Map<String, String> row, Verdict v) {
    StringBuilder sb = new StringBuilder();
    for (String column : EXPECTATIONS) {
      if (!row.containsKey(column)) {
        continue;
      }
      String cell = row.get(column);
      boolean always = column.equals("expectedOutcome") || column.equals("expectedNotMet");
      if (cell.isEmpty() && !always) {
        continue;
      }
      String key = column.substring("expected".length());
      key = Character.toLowerCase(key.charAt(0)) + key.substring(1);
      String value = switch (column) {
        case "expectedOutcome" -> v == null ? cell : v.outcome();
        case "expectedRegime" -> v == null ? cell : String.valueOf(v.regime());
        case "expectedLegalBasis" -> v == null ? cell : basisArticle(v.legalBasis());
        case "expectedThreshold" -> v == null ? ("-".equals(cell) ? "-" : new BigDecimal(cell).stripTrailingZeros().toPlainString())
            : v.findings().stream().filter(f -> "SPONSOR_INCOME".equals(f.criterion()) && f.details() != null
                && f.details().get("threshold") instanceof BigDecimal).map(f -> ((BigDecimal) f.details().get("threshold"))
                .stripTrailingZeros().toPlainString()).findFirst().orElse("-");
        case "expectedNotMet" -> v == null ? sortedWords(cell).toString()
            : v.findings().stream().filter(f -> "NOT_MET".equals(f.result())).map(Verdict.FindingView::criterion)
                .sorted().toList().toString();
        case "expectedPaths" -> v == null ? ("-".equals(cell) ? "[]" : sortedWords(cell).toString())
            : (v.paths() == null ? List.of() : v.paths().stream().sorted().toList()).toString();
        case "expectedFee" -> v == null ? ("-".equals(cell) ? "-" : new BigDecimal(cell).stripTrailingZeros().toPlainString())
            : (v.fee() == null ? "-" : v.fee().stripTrailingZeros().toPlainString());
        case "expectedDecisionDeadlineDays" -> v == null ? cell : String.valueOf(v.decisionDeadlineDays());
        default -> throw new IllegalStateException(column);
      };
      sb.append(sb.isEmpty() ? "" : " ").append(key).append('=').append(value);
    }
    return sb.toString();
  }

  /** "art. 40bis loi du 15.12.1980" → "40bis" (what a scenario names in expectedLegalBasis). */
  static String basisArticle(String legalBasis) {
    if (legalBasis == null) {
      return "-";
    }
    var m = java.util.regex.Pattern.compile("art\\. (\\S+)").matcher(legalBasis);
    return m.find() ? m.group(1) : legalBasis;
  }

  private static List<String> sortedWords(String cell) {
    return new TreeSet<>(Arrays.asList(cell.split("\\s+"))).stream().filter(s -> !s.isBlank()).toList();
  }

  static NationalityFacts nationalityFacts(Map<String, String> r) {
    return new NationalityFacts(date(r.get("feePaidOn")), new NationalityFacts.Person(date(r.get("birthDate")),
        bool(r.get("bornInBelgium")), bool(r.get("livedInBelgiumSinceBirth")),
        enumOrNull(NationalityFacts.ResidenceCard.class, r.get("residenceCard")), date(r.get("legalStaySince")),
        enumOrNull(NationalityFacts.LanguageLevel.class, r.get("languageLevel")),
        enumOrNull(NationalityFacts.SocialIntegration.class, r.get("socialIntegration")),
        integer(r.get("daysWorkedLast5Years")), integer(r.get("selfEmployedQuarters")),
        integer(r.get("marriedToBelgianCohabitingYears")), bool(r.get("parentOfMinorBelgian")),
        bool(r.get("disabilityOrPension")), bool(r.get("communityParticipation"))));
  }

  static VisaFacts visaFacts(Map<String, String> r) {
    return new VisaFacts(VisaFacts.VisaType.valueOf(r.get("visaType")), VisaFacts.Purpose.valueOf(r.get("purpose")),
        new VisaFacts.Applicant(date(r.get("birthDate")), emptyToNull(r.get("nationality"))),
        enumOrNull(FamilyReunificationFacts.SponsorKind.class, r.get("sponsorKind")));
  }

  static FamilyReunificationFacts familyFacts(Map<String, String> row) {
    Map<String, String> r = new java.util.HashMap<>(row);
    r.replaceAll((k, v) -> v == null ? "" : v);
    java.util.function.Function<String, String> cell = k -> r.getOrDefault(k, "");
    EnumSet<IncomeKind> kinds = null;
    if (!cell.apply("incomeKinds").isEmpty()) {
      kinds = EnumSet.noneOf(IncomeKind.class);
      for (String k : cell.apply("incomeKinds").split("\\s+")) {
        kinds.add(IncomeKind.valueOf(k));
      }
    }
    return new FamilyReunificationFacts(
        new Sponsor(FamilyReunificationFacts.SponsorKind.valueOf(cell.apply("sponsorKind")),
            enumOrNull(FamilyReunificationFacts.Residence.class, cell.apply("residence")),
            date(cell.apply("statusGrantedOn")),
            cell.apply("monthlyNetIncome").isEmpty() ? null : new BigDecimal(cell.apply("monthlyNetIncome")), kinds,
            bool(cell.apply("adequateHousing")), bool(cell.apply("healthInsurance")),
            cell.apply("householdSize").isEmpty() ? null : Integer.valueOf(cell.apply("householdSize")),
            enumOrNull(FamilyReunificationFacts.EuResidenceBasis.class, cell.apply("euResidenceBasis"))),
        new Applicant(FamilyReunificationFacts.Relationship.valueOf(cell.apply("relationship")),
            date(cell.apply("applicantBirthDate")), null, bool(cell.apply("relationshipBeforeSponsorArrival")),
            enumOrNull(FamilyReunificationFacts.Location.class, cell.apply("location")),
            bool(cell.apply("dependent")), bool(cell.apply("commonMinorChild"))));
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
    return s == null || s.isEmpty() ? null : LocalDate.parse(s);
  }

  private static Integer integer(String s) {
    return s == null || s.isEmpty() ? null : Integer.valueOf(s);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static Boolean bool(String s) {
    return s == null || s.isEmpty() ? null : switch (s.toLowerCase(Locale.ROOT)) {
      case "oui", "yes", "true" -> Boolean.TRUE;
      default -> Boolean.FALSE;
    };
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String s) {
    return s == null || s.isEmpty() ? null : Enum.valueOf(type, s);
  }
}
