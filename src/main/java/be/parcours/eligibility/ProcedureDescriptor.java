package be.parcours.eligibility;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Everything Parcours needs to know about one procedure, in one place: adding a procedure is one
 * descriptor in {@link ProcedureDescriptors} plus its BPMN model(s) and its rules folder. Plain Java
 * (no Spring, no Camunda): every feature module reads it, from the eligibility rules up to the
 * supervision views. It lives in the eligibility module because that is the lowest module that
 * knows the facts types; the other modules already depend on it.
 *
 * @param code the contract's value ({@code "family-reunification"}), also the rules folder under {@code rules/}
 * @param referencePrefix the first letters of a dossier reference ({@code RF-2026-00042})
 * @param factsType the facts of the eligibility request of this procedure (the dossier's facts)
 * @param factsComplete whether facts read from JSON hold the fields the rules cannot do without
 * @param rulePackage the last part of the Drools package of its rules ({@code be.parcours.rules.<rulePackage>})
 * @param processKeys the BPMN process keys started for this procedure (the first one is the default)
 * @param startKey which of {@code processKeys} a dossier with these facts starts
 * @param label the procedure's name for people (supervision, reports), in French
 * @param grantedOutcome the name of the reporting outcome kind recorded when the procedure is granted
 * @param scenarioFacts the facts of one row of {@code rules/scenarios/<code>*.csv}
 */
public record ProcedureDescriptor(String code, String referencePrefix, Class<?> factsType,
    Predicate<Object> factsComplete, String rulePackage, List<String> processKeys, Function<Object, String> startKey,
    String label, String grantedOutcome, Function<Map<String, String>, Object> scenarioFacts) {

  public ProcedureDescriptor {
    Objects.requireNonNull(code);
    processKeys = List.copyOf(processKeys);
    if (processKeys.isEmpty()) {
      throw new IllegalArgumentException("procedure " + code + " starts no process");
    }
  }

  /** The rules folder of the procedure under {@code rules/} (its own KieBase). */
  public String rulesFolder() {
    return code;
  }

  /** The process key a dossier of this procedure with these facts starts (one of {@link #processKeys}). */
  public String processKeyFor(Object facts) {
    String key = startKey.apply(facts);
    if (!processKeys.contains(key)) {
      throw new IllegalStateException("procedure " + code + " would start an undeclared process " + key);
    }
    return key;
  }
}
