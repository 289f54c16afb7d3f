package be.parcours.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What the legal-risk alerts ask of the rules: the risk dates the active rules give for a dossier's
 * facts (a child coming of age, a waiting period ending...), the legal values in force (ages of
 * documents, warning windows) and the texts people read.
 */
@Component
public class LegalRisks {

  /** The rules' view of a dossier: its regime, basis, outcome and risk dates. */
  public record Report(String regime, String legalBasis, String outcome, List<RuleOutput.Risk> risks) {}

  private final EligibilityService eligibility;

  LegalRisks(EligibilityService eligibility) {
    this.eligibility = eligibility;
  }

  /** The risk dates of a dossier's facts on its reference date; facts that cannot be read give none. */
  public Report of(String procedure, String factsJson, LocalDate referenceDate) {
    if (!"family-reunification".equals(procedure) || factsJson == null) {
      return new Report(null, null, null, List.of());
    }
    Object facts;
    try {
      facts = eligibility.readFacts(procedure, factsJson);
    } catch (IllegalArgumentException e) {
      return new Report(null, null, null, List.of());
    }
    var ruleSet = eligibility.activeRuleSet();
    RuleOutput out = RuleEngine.run(ruleSet, procedure, FrCase.of((FamilyReunificationFacts) facts, referenceDate));
    Verdict v = VerdictAssembler.familyReunification(out, referenceDate, ruleSet.version(), Locale.FRENCH);
    return new Report(v.regime(), v.legalBasis(), v.outcome(), List.copyOf(out.getRisks()));
  }

  /** A whole number of the active rules in force on a day (any procedure's or shared table), or the fallback. */
  public int number(String code, LocalDate day, int fallback) {
    LegalParameter p = LegalValues.find(LegalValues.of(eligibility.activeRuleSet(), "family-reunification"), code, day);
    return p == null ? fallback : p.getNumber();
  }

  /** The row of a code in force on a day, or null. */
  public LegalParameter parameter(String code, LocalDate day) {
    return LegalValues.find(LegalValues.of(eligibility.activeRuleSet(), "family-reunification"), code, day);
  }

  /** A text of the eligibility bundles with its arguments written for people (dates, amounts, labels). */
  public static String text(String key, Locale locale, Object... args) {
    return VerdictAssembler.message(key, args, locale);
  }
}
