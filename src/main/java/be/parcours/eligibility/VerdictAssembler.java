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
  static final List<String> NAT_CRITERIA = List.of("AGE", "RESIDENCE_RIGHT", "LEGAL_STAY", "LANGUAGE",
      "SOCIAL_INTEGRATION", "ECONOMIC_PARTICIPATION", "COMMUNITY_PARTICIPATION");
  /** Conditions common to every path (art. 12bis §1 CNB): failing one closes them all. */
  static final List<String> NAT_HARD = List.of("AGE", "RESIDENCE_RIGHT");
  static final List<String> VISA_CRITERIA = List.of("PURPOSE", "APPLICANT");
  static final List<String> VISA_HARD = List.of("PURPOSE");

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
    return new Verdict("family-reunification", referenceDate, out.getRegime(), out.getLegalBasis(), outcome,
        findings.stream().map(f -> view(f, locale)).toList(), List.copyOf(out.getDocuments()), version, null, null,
        null, out.getFee(), out.isFeeToConfirm() ? Boolean.TRUE : null, null);
  }

  /** A path is MET when all it rests on is MET, NOT_MET when one item is NOT_MET, else UNKNOWN. */
  record PathStatus(String path, String result, List<String> missing, boolean closed) {

    PathStatus(String path, String result, List<String> missing) {
      this(path, result, missing, false);
    }
  }

  static List<PathStatus> paths(RuleOutput out, List<Finding> findings, Locale locale) {
    Map<String, Finding> byCriterion = new LinkedHashMap<>();
    findings.forEach(f -> byCriterion.put(f.criterion(), f));
    List<PathStatus> result = new ArrayList<>();
    out.getPaths().forEach((path, check) -> {
      boolean notMet = false;
      boolean unknown = false;
      List<String> missing = new ArrayList<>();
      for (String c : check.criteria()) {
        Finding f = byCriterion.get(c);
        String r = f == null ? "UNKNOWN" : f.result();
        if (!"MET".equals(r)) {
          notMet |= "NOT_MET".equals(r);
          unknown |= !"NOT_MET".equals(r);
          missing.add(f == null ? c : message(f.messageKey(), f.messageArgs(), locale));
        }
      }
      for (RuleOutput.PathItem item : check.conditions()) {
        if (!"MET".equals(item.result())) {
          notMet |= "NOT_MET".equals(item.result());
          unknown |= !"NOT_MET".equals(item.result());
          missing.add(message(item.messageKey(), item.messageArgs(), locale));
        }
      }
      result.add(new PathStatus(path, notMet ? "NOT_MET" : unknown ? "UNKNOWN" : "MET", missing,
          !check.closed().isEmpty()));
    });
    return result;
  }

  /**
   * Nationality: NOT_ELIGIBLE when a common condition fails; ELIGIBLE when a path is open (review
   * when a point to confirm weighs); NEEDS_REVIEW when only unknown facts stand in a path's way;
   * else NOT_ELIGIBLE, naming the nearest path and what it misses.
   */
  static String nationalityOutcome(List<Finding> findings, List<PathStatus> paths) {
    for (Finding f : findings) {
      if (NAT_HARD.contains(f.criterion()) && "NOT_MET".equals(f.result()) && !f.toConfirm()) {
        return "NOT_ELIGIBLE";
      }
    }
    boolean toConfirm = findings.stream().anyMatch(Finding::toConfirm);
    if (paths.stream().anyMatch(p -> "MET".equals(p.result()))) {
      return toConfirm ? "NEEDS_REVIEW" : "ELIGIBLE";
    }
    if (toConfirm || paths.stream().anyMatch(p -> "UNKNOWN".equals(p.result()))) {
      return "NEEDS_REVIEW";
    }
    return "NOT_ELIGIBLE";
  }

  static Verdict nationality(RuleOutput out, LocalDate referenceDate, String version, Locale locale) {
    List<Finding> findings = perCriterion(out.getFindings(), NAT_CRITERIA);
    List<PathStatus> paths = paths(out, findings, locale);
    String outcome = nationalityOutcome(findings, paths);
    List<String> open = paths.stream().filter(p -> "MET".equals(p.result())).map(PathStatus::path).toList();
    String nearest = null;
    List<String> missing = null;
    if (open.isEmpty()) {
      var best = paths.stream().filter(p -> !p.closed())
          .min(java.util.Comparator.comparingInt(p -> p.missing().size()));
      if (best.isPresent()) {
        nearest = best.get().path();
        missing = best.get().missing();
      }
    }
    return new Verdict("nationality", referenceDate, null, null, outcome, findings.stream().map(f -> view(f, locale)).toList(),
        List.copyOf(out.getDocuments()), version, open, nearest, missing, out.getFee(),
        out.isFeeToConfirm() ? Boolean.TRUE : null, null);
  }

  static Verdict visa(RuleOutput out, LocalDate referenceDate, String version, Locale locale) {
    List<Finding> findings = perCriterion(out.getFindings(), VISA_CRITERIA);
    String outcome = outcome(findings, VISA_HARD, false);
    return new Verdict("visa", referenceDate, null, null, outcome, findings.stream().map(f -> view(f, locale)).toList(),
        List.copyOf(out.getDocuments()), version, null, null, null, out.getFee(),
        out.isFeeToConfirm() ? Boolean.TRUE : null, out.getDecisionDeadlineDays());
  }

  static Verdict.FindingView view(Finding f, Locale locale) {
    return new Verdict.FindingView(f.criterion(), f.result(), message(f.messageKey(), f.messageArgs(), locale),
        f.legalBasis(), f.details());
  }

  static String message(String key, Object[] args, Locale locale) {
    ResourceBundle bundle = bundle(locale);
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      pattern = key;
    }
    Object[] shown = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      shown[i] = shown(args[i], bundle, locale);
    }
    return format(pattern, locale).format(shown);
  }

  private record FormatKey(String pattern, Locale locale) {}

  private static final java.util.concurrent.ConcurrentMap<FormatKey, MessageFormat> FORMATS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A message pattern parsed once per language (a MessageFormat is not thread-safe: each use gets a copy). */
  private static MessageFormat format(String pattern, Locale locale) {
    if (FORMATS.size() > 10_000) {
      FORMATS.clear(); // patterns come from the bundles: a bound, never reached in practice
    }
    return (MessageFormat) FORMATS.computeIfAbsent(new FormatKey(pattern, locale),
        k -> new MessageFormat(k.pattern().replace("'", "''"), k.locale())).clone();
  }

  static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle("i18n/eligibility", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]*");

  /** What a person reads for a message argument: amounts and dates the Belgian way, labels for codes. */
  static String shown(Object arg, ResourceBundle bundle, Locale locale) {
    if (arg instanceof BigDecimal b) {
      return LegalFormats.amount(b, locale);
    }
    if (arg instanceof LocalDate d) {
      return LegalFormats.date(d);
    }
    if (arg instanceof LegalFormats.Country c) {
      return LegalFormats.countryName(c.code(), locale);
    }
    if (arg instanceof String s && CODE.matcher(s).matches() && bundle.containsKey("label." + s)) {
      return bundle.getString("label." + s);
    }
    return String.valueOf(arg);
  }

  /** The label of a code in the reader's language (the code itself when it has none). */
  static String label(String code, Locale locale) {
    ResourceBundle bundle = bundle(locale);
    return bundle.containsKey("label." + code) ? bundle.getString("label." + code) : code;
  }
}
