package be.parcours.eligibility;

import be.parcours.eligibility.RuleSetCompiler.CompiledRuleSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Evaluates cases with the active rule set. The set is swapped by reference: an evaluation reads
 * it once and uses it to the end, so a reload never fails or mixes versions mid-evaluation. Each
 * evaluation has its own stateless session.
 */
final class RuleEngine {

  private final AtomicReference<CompiledRuleSet> active = new AtomicReference<>();

  RuleEngine(CompiledRuleSet initial) {
    active.set(initial);
  }

  CompiledRuleSet active() {
    return active.get();
  }

  void activate(CompiledRuleSet ruleSet) {
    active.set(ruleSet);
  }

  static Verdict familyReunification(CompiledRuleSet ruleSet, FamilyReunificationFacts facts, LocalDate referenceDate,
      Locale locale) {
    RuleOutput out = run(ruleSet, "family-reunification", FrCase.of(facts, referenceDate));
    return VerdictAssembler.familyReunification(out, referenceDate, ruleSet.version(), locale);
  }

  static Verdict nationality(CompiledRuleSet ruleSet, NationalityFacts facts, LocalDate referenceDate, Locale locale) {
    RuleOutput out = run(ruleSet, "nationality", NatCase.of(facts, referenceDate));
    return VerdictAssembler.nationality(out, referenceDate, ruleSet.version(), locale);
  }

  static Verdict visa(CompiledRuleSet ruleSet, VisaFacts facts, LocalDate referenceDate, Locale locale) {
    RuleOutput out = run(ruleSet, "visa", VisaCase.of(facts, referenceDate));
    return VerdictAssembler.visa(out, referenceDate, ruleSet.version(), locale);
  }

  /** Evaluates facts of any procedure (FamilyReunificationFacts, NationalityFacts or VisaFacts). */
  static Verdict evaluate(CompiledRuleSet ruleSet, Object facts, LocalDate referenceDate, Locale locale) {
    if (facts instanceof FamilyReunificationFacts f) {
      return familyReunification(ruleSet, f, referenceDate, locale);
    } else if (facts instanceof NationalityFacts n) {
      return nationality(ruleSet, n, referenceDate, locale);
    } else if (facts instanceof VisaFacts v) {
      return visa(ruleSet, v, referenceDate, locale);
    }
    throw new IllegalArgumentException("unknown facts " + facts);
  }

  static RuleOutput run(CompiledRuleSet ruleSet, String procedure, Object fact) {
    RuleOutput out = new RuleOutput();
    StatelessKieSession session = ruleSet.kieBase(procedure).newStatelessKieSession();
    session.setGlobal("out", out);
    session.execute(List.of(fact));
    return out;
  }
}
