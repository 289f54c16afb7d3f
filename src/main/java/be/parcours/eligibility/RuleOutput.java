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

  public void extra(String key, Object value) {
    extras.put(key, value);
  }

  public String getRegime() { return regime; }
  public boolean isRegimeToConfirm() { return regimeToConfirm; }
  public List<Finding> getFindings() { return findings; }
  public Set<String> getDocuments() { return documents; }
  public Map<String, Object> getExtras() { return extras; }

  public boolean has(String criterion) {
    return findings.stream().anyMatch(f -> f.criterion().equals(criterion));
  }
}
