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

  /** A version approved for a date: it serves from that instant (00:00 Brussels) on every node. */
  record Scheduled(java.time.Instant at, CompiledRuleSet ruleSet) {}

  /** The set in force and those scheduled after it, soonest first; replaced as a whole. */
  record Timeline(CompiledRuleSet current, List<Scheduled> upcoming) {}

  private final AtomicReference<Timeline> timeline = new AtomicReference<>();
  private final java.time.Clock clock;

  RuleEngine(CompiledRuleSet initial) {
    this(initial, java.time.Clock.systemUTC());
  }

  RuleEngine(CompiledRuleSet initial, java.time.Clock clock) {
    this.clock = clock;
    timeline.set(new Timeline(initial, List.of()));
  }

  /**
   * The set in force now: the last scheduled one whose instant has come, else the current one. The
   * instant is read from the clock at each evaluation, so every node switches at the same instant,
   * whatever its polling; the database flips its pointer at the same time (RulesSync).
   */
  CompiledRuleSet active() {
    Timeline t = timeline.get();
    CompiledRuleSet result = t.current();
    java.time.Instant now = clock.instant();
    for (Scheduled s : t.upcoming()) {
      if (!now.isBefore(s.at())) {
        result = s.ruleSet();
      }
    }
    return result;
  }

  Timeline timeline() {
    return timeline.get();
  }

  void activate(CompiledRuleSet ruleSet) {
    timeline.set(new Timeline(ruleSet, List.of()));
  }

  void replace(Timeline next) {
    timeline.set(new Timeline(next.current(), next.upcoming().stream()
        .sorted(java.util.Comparator.comparing(Scheduled::at)).toList()));
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

  /**
   * One verdict, in a stateless session (nothing written). The set was settled by the compiler
   * before it serves ({@link RuleSetCompiler#applyPendingChanges}): threads may judge at once from
   * its first verdict ({@code RuleSetConcurrencyTest}).
   */
  static RuleOutput run(CompiledRuleSet ruleSet, String procedure, Object fact) {
    RuleOutput out = new RuleOutput();
    RuleSetCompiler.Evaluation evaluation = ruleSet.evaluation(procedure);
    List<Object> facts = new java.util.ArrayList<>(evaluation.parameters().size() + 1);
    facts.addAll(evaluation.parameters());
    facts.add(fact);
    StatelessKieSession session = evaluation.kieBase().newStatelessKieSession();
    session.setGlobal("out", out);
    session.execute(facts);
    return out;
  }
}
