package be.parcours.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what the rules produce for one evaluation (the global {@code out} of every rule file):
 * the regime, findings and required documents. Rules only add to it; they never change the facts.
 */
public class RuleOutput {

  private String regime;
  private boolean regimeToConfirm;
  private final List<Finding> findings = new ArrayList<>();
  private final Set<String> documents = new LinkedHashSet<>();
  private final Map<String, Object> extras = new LinkedHashMap<>();
  /** Nationality: for each path (12bis-1-1...), the criteria and path conditions it rests on. */
  private final Map<String, PathCheck> paths = new LinkedHashMap<>();
  private java.math.BigDecimal fee;
  private boolean feeToConfirm;
  private String feeLegalBasis;
  private Integer decisionDeadlineDays;
  private String legalBasis;
  private final List<Risk> risks = new ArrayList<>();

  /**
   * A date on which the law changes for this case (a child comes of age, a waiting period ends...):
   * what the legal-risk alerts are made of. {@code kind}: the alert kind of the contract.
   */
  public record Risk(String kind, LocalDate date, String messageKey, Object[] messageArgs) {}

  /** One requirement of a path: a criterion code (its finding decides) or a condition of its own. */
  public record PathItem(String code, String result, String messageKey, Object[] messageArgs) {}

  /** What a path rests on, in the order the rules named it. */
  public record PathCheck(List<String> criteria, List<PathItem> conditions, Set<String> closed) {}

  public void regime(String code, boolean toConfirm) {
    this.regime = code;
    this.regimeToConfirm = toConfirm;
  }

  public void finding(String criterion, String result, String legalBasis, String messageKey, Object... args) {
    findings.add(new Finding(criterion, result, messageKey, args, legalBasis, new LinkedHashMap<>(), false));
  }

  public void findingToConfirm(String criterion, String result, String legalBasis, String messageKey, Object... args) {
    findings.add(new Finding(criterion, result, messageKey, args, legalBasis, new LinkedHashMap<>(), true));
  }

  /** A finding that is to confirm when one of the values it rests on is (a parameter marked "à confirmer"). */
  public void findingWith(boolean toConfirm, String criterion, String result, String legalBasis, String messageKey,
      Object... args) {
    findings.add(new Finding(criterion, result, messageKey, args, legalBasis, new LinkedHashMap<>(), toConfirm));
  }

  /** The legal basis that decides the case (art. 10, art. 40bis, art. 40ter loi du 15.12.1980). */
  public void legalBasis(String legalBasis) {
    this.legalBasis = legalBasis;
  }

  public String getLegalBasis() { return legalBasis; }

  /** A legal-risk date of the case (see {@link Risk}); a null date (unknown) is ignored. */
  public void risk(String kind, LocalDate date, String messageKey, Object... args) {
    if (date != null) {
      risks.add(new Risk(kind, date, messageKey, args));
    }
  }

  public List<Risk> getRisks() { return risks; }

  /** Adds a detail to the last finding of a criterion (threshold, metFrom...). */
  public void detail(String criterion, String key, Object value) {
    for (int i = findings.size() - 1; i >= 0; i--) {
      if (findings.get(i).criterion().equals(criterion)) {
        findings.get(i).details().put(key, value instanceof LocalDate d ? d.toString() : value);
        return;
      }
    }
  }

  public void require(String... documentCodes) {
    documents.addAll(Arrays.asList(documentCodes));
  }

  /** The path rests on these criteria (each must be MET). */
  public void pathNeeds(String path, String... criteria) {
    paths.computeIfAbsent(path, p -> new PathCheck(new ArrayList<>(), new ArrayList<>(), new LinkedHashSet<>())).criteria()
        .addAll(Arrays.asList(criteria));
  }

  /** A condition of the path alone (born in Belgium, married to a Belgian, ten years' stay...). */
  public void pathCondition(String path, String code, String result, String messageKey, Object... args) {
    paths.computeIfAbsent(path, p -> new PathCheck(new ArrayList<>(), new ArrayList<>(), new LinkedHashSet<>())).conditions()
        .add(new PathItem(code, result, messageKey, args));
  }

  /** The path can never open for this person (e.g. not born in Belgium): never named as the nearest. */
  public void pathClosed(String path) {
    paths.computeIfAbsent(path, p -> new PathCheck(new ArrayList<>(), new ArrayList<>(), new LinkedHashSet<>())).closed()
        .add(path);
  }

  public void fee(java.math.BigDecimal amount, boolean toConfirm, String legalBasis) {
    this.fee = amount;
    this.feeToConfirm = toConfirm;
    this.feeLegalBasis = legalBasis;
  }

  public void decisionDeadlineDays(long days) {
    this.decisionDeadlineDays = (int) days;
  }

  public Map<String, PathCheck> getPaths() { return paths; }
  public java.math.BigDecimal getFee() { return fee; }
  public boolean isFeeToConfirm() { return feeToConfirm; }
  public String getFeeLegalBasis() { return feeLegalBasis; }
  public Integer getDecisionDeadlineDays() { return decisionDeadlineDays; }

  public void extra(String key, Object value) {
    extras.put(key, value);
  }

  public String getRegime() { return regime; }
  public boolean isRegimeToConfirm() { return regimeToConfirm; }
  public List<Finding> getFindings() { return findings; }
  public Set<String> getDocuments() { return documents; }
  public Map<String, Object> getExtras() { return extras; }

  /** Nothing was written (the rules of an empty session: see RuleSetCompiler.evaluation). */
  boolean isEmpty() {
    return regime == null && !regimeToConfirm && findings.isEmpty() && documents.isEmpty() && extras.isEmpty()
        && paths.isEmpty() && fee == null && !feeToConfirm && feeLegalBasis == null && decisionDeadlineDays == null
        && legalBasis == null && risks.isEmpty();
  }

  public boolean has(String criterion) {
    return findings.stream().anyMatch(f -> f.criterion().equals(criterion));
  }
}
