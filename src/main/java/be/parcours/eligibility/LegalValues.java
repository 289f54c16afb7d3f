package be.parcours.eligibility;

import be.parcours.eligibility.RuleSetCompiler.CompiledRuleSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The legal values of a rule set as data: every row its decision tables insert (thresholds'
 * percentages, base amounts, ages, periods, fees), read once per compiled set, and the amounts
 * derived from them on a day (a percentage of the base amount in force that day). Plain Java.
 */
public final class LegalValues {

  /** An amount the rules compute on a day: a percentage row applied to the base amount in force. */
  public record Derived(LegalParameter percentage, LegalParameter base, BigDecimal amount, LocalDate validFrom,
      LocalDate validUntil, boolean toConfirm) {}

  private static final Map<KieBase, List<LegalParameter>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

  private LegalValues() {}

  /** The rows of a procedure's tables (shared tables included), in table order. */
  static List<LegalParameter> of(CompiledRuleSet ruleSet, String procedure) {
    RuleSetCompiler.Evaluation evaluation = ruleSet.evaluation(procedure);
    return CACHE.computeIfAbsent(evaluation.kieBase(), kb -> collect(evaluation));
  }

  /** Every procedure's rows, by procedure; a shared table's row is listed once, under its own folder. */
  static Map<String, List<LegalParameter>> all(CompiledRuleSet ruleSet) {
    Map<String, List<LegalParameter>> result = new LinkedHashMap<>();
    java.util.Set<LegalParameter> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (String procedure : RuleSetCompiler.PROCEDURES) {
      for (LegalParameter p : of(ruleSet, procedure)) {
        String owner = procedureOf(p, procedure);
        String key = owner + "|" + p.getCode() + "|" + p.getRegime() + "|" + p.getValidFrom();
        if (seen.add(p) && keys.add(key)) {
          result.computeIfAbsent(owner, k -> new ArrayList<>()).add(p);
        }
      }
    }
    return result;
  }

  /** family-reunification, nationality, visa from the row's rule package; other tables: their package's last part. */
  static String procedureOf(LegalParameter p, String fallback) {
    String origin = p.getOrigin();
    if (origin == null) {
      return fallback;
    }
    // be.parcours.rules.<rulePackage>[.<table>]: the procedure whose package the row's package is in
    for (String part : origin.split("\\.")) {
      var procedure = ProcedureDescriptors.byRulePackage(part);
      if (procedure.isPresent()) {
        return procedure.get().code();
      }
    }
    return origin.substring(origin.lastIndexOf('.') + 1);
  }

  /** The rows fired once at compilation, and those any remaining rule inserts in an empty session. */
  private static List<LegalParameter> collect(RuleSetCompiler.Evaluation evaluation) {
    KieSession session = evaluation.kieBase().newKieSession();
    try {
      session.setGlobal("out", new RuleOutput());
      evaluation.parameters().forEach(session::insert);
      session.fireAllRules();
      List<LegalParameter> rows = new ArrayList<>();
      for (Object o : session.getObjects(o -> o instanceof LegalParameter)) {
        rows.add((LegalParameter) o);
      }
      rows.sort(Comparator.comparing(LegalParameter::getCode).thenComparing(LegalParameter::getRegime)
          .thenComparing(LegalParameter::getValidFrom));
      return List.copyOf(rows);
    } finally {
      session.dispose();
    }
  }

  /** The rows in force on a day. */
  static List<LegalParameter> validOn(List<LegalParameter> rows, LocalDate day) {
    return rows.stream().filter(p -> p.validOn(day)).toList();
  }

  /** The amounts derived on a day: each percentage row in force applied to its base amount in force. */
  static List<Derived> derivedOn(List<LegalParameter> rows, LocalDate day) {
    List<Derived> result = new ArrayList<>();
    for (LegalParameter p : rows) {
      if (!p.isDerived() || !p.validOn(day)) {
        continue;
      }
      rows.stream().filter(b -> b.getCode().equals(p.getBase()) && b.validOn(day)).findFirst().ifPresent(b -> {
        LocalDate from = p.getValidFrom().isAfter(b.getValidFrom()) ? p.getValidFrom() : b.getValidFrom();
        LocalDate until = p.getValidUntil() == null ? b.getValidUntil()
            : b.getValidUntil() == null || p.getValidUntil().isBefore(b.getValidUntil()) ? p.getValidUntil() : b.getValidUntil();
        result.add(new Derived(p, b, p.percentOf(b), from, until, p.isToConfirm() || b.isToConfirm()));
      });
    }
    return result;
  }

  /** The first row of a code in force on a day (any regime), or null. */
  static LegalParameter find(List<LegalParameter> rows, String code, LocalDate day) {
    return rows.stream().filter(p -> p.getCode().equals(code) && p.validOn(day)).findFirst().orElse(null);
  }
}
