package be.parcours.eligibility;

import be.parcours.eligibility.RuleSetCompiler.CompiledRuleSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Evaluates cases with the active rule set. The set is swapped by reference: an evaluation reads
 * it once and uses it to the end, so a reload never fails or mixes versions mid-evaluation.
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

  Verdict familyReunification(FamilyReunificationFacts facts, LocalDate referenceDate, Locale locale) {
    return familyReunification(active.get(), facts, referenceDate, locale);
  }

  static Verdict familyReunification(CompiledRuleSet ruleSet, FamilyReunificationFacts facts, LocalDate referenceDate,
      Locale locale) {
    RuleOutput out = run(ruleSet, FrCase.of(facts, referenceDate));
    return VerdictAssembler.familyReunification(out, referenceDate, ruleSet.version(), locale);
  }

  static RuleOutput run(CompiledRuleSet ruleSet, Object fact) {
    RuleOutput out = new RuleOutput();
    StatelessKieSession session = ruleSet.kieBase().newStatelessKieSession();
    session.setGlobal("out", out);
    session.execute(List.of(fact));
    return out;
  }
}
