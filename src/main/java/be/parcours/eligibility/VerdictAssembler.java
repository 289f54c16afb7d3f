package be.parcours.eligibility;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Turns what the rules found into a verdict: one finding per criterion (the first rule to decide
 * wins; a criterion no rule decided is UNKNOWN), the outcome, and messages in the reader's language.
 * Plain Java, tested without Spring.
 */
final class VerdictAssembler {

  static final List<String> FR_CRITERIA = List.of("SPONSOR_STATUS", "RELATIONSHIP", "APPLICANT_AGE",
      "WAITING_PERIOD", "SPONSOR_INCOME", "HOUSING", "HEALTH_INSURANCE");
  static final List<String> FR_HARD = List.of("SPONSOR_STATUS", "RELATIONSHIP", "APPLICANT_AGE", "WAITING_PERIOD");

  private VerdictAssembler() {}

  /** NOT_ELIGIBLE when a hard criterion fails; NEEDS_REVIEW when means are short or unknown, or a point to confirm weighs; else ELIGIBLE. */
  static String outcome(List<Finding> findings, List<String> hard, boolean regimeToConfirm) {
    boolean needsReview = regimeToConfirm;
    for (Finding f : findings) {
      boolean isHard = hard.contains(f.criterion());
      if (isHard && "NOT_MET".equals(f.result()) && !f.toConfirm()) {
        return "NOT_ELIGIBLE";
      }
      if ("NOT_MET".equals(f.result()) || "UNKNOWN".equals(f.result()) || f.toConfirm()) {
        needsReview = true;
      }
    }
    return needsReview ? "NEEDS_REVIEW" : "ELIGIBLE";
  }

  /** One finding per criterion, in the contract's order. */
  static List<Finding> perCriterion(List<Finding> found, List<String> criteria) {
    Map<String, Finding> first = new LinkedHashMap<>();
    for (Finding f : found) {
      first.putIfAbsent(f.criterion(), f);
    }
    List<Finding> result = new ArrayList<>();
    for (String c : criteria) {
      result.add(first.getOrDefault(c,
          new Finding(c, "UNKNOWN", "noRule", new Object[0], null, new LinkedHashMap<>(), true)));
    }
    return result;
  }

  static Verdict familyReunification(RuleOutput out, LocalDate referenceDate, String version, Locale locale) {
    List<Finding> findings = perCriterion(out.getFindings(), FR_CRITERIA);
    String outcome = outcome(findings, FR_HARD, out.isRegimeToConfirm());
    return new Verdict("family-reunification", referenceDate, out.getRegime(), outcome,
        findings.stream().map(f -> view(f, locale)).toList(), List.copyOf(out.getDocuments()), version, null, null,
        null);
  }

  static Verdict.FindingView view(Finding f, Locale locale) {
    return new Verdict.FindingView(f.criterion(), f.result(), message(f.messageKey(), f.messageArgs(), locale),
        f.legalBasis(), f.details());
  }

  static String message(String key, Object[] args, Locale locale) {
    ResourceBundle bundle = ResourceBundle.getBundle("i18n/eligibility", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      pattern = key;
    }
    Object[] shown = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      shown[i] = args[i] instanceof BigDecimal b ? b.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
          : String.valueOf(args[i]);
    }
    return new MessageFormat(pattern.replace("'", "''"), locale).format(shown);
  }
}
