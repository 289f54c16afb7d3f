package be.parcours.web;

import be.parcours.eligibility.FamilyReunificationFacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The intake facts of a family reunification as the dossier page's form posts them (text as typed,
 * so nothing is lost when a value is refused), read into the facts of {@code PATCH /api/dossiers/{id}}
 * ({@link FamilyReunificationFacts}: {@code sponsor { … }}, {@code applicant { … }}). Dates are
 * {@code jj/mm/aaaa}, the income is typed the Belgian way ({@code 2 400,50}); a field left empty is
 * unknown (its criterion is then "à vérifier"). Plain Java: errors are message keys by form field.
 */
final class IntakeFacts {

  static final BigDecimal MAX_INCOME = new BigDecimal("1000000");

  private IntakeFacts() {}

  /** What the form posts; booleans are {@code "true"}, {@code "false"} or empty (unknown). */
  record Form(String sponsorKind, String euResidenceBasis, String residence, String statusGrantedOn,
      String monthlyNetIncome, List<String> incomeKinds, String adequateHousing, String healthInsurance,
      String householdSize, String relationship, String applicantBirthDate, String relationshipStartedOn,
      String relationshipBeforeSponsorArrival, String location, String dependent, String commonMinorChild) {

    static Form empty() {
      return new Form("", "", "", "", "", List.of(), "", "", "", "", "", "", "", "", "", "");
    }

    /** The form showing facts already recorded (the stored JSON), or empty; the income as typed in French. */
    static Form of(JsonNode facts) {
      return of(facts, java.util.Locale.FRENCH);
    }

    /** The form showing facts already recorded, the income as it is typed in the page's language (2400,50 / 2400.50). */
    static Form of(JsonNode facts, java.util.Locale locale) {
      if (facts == null || !facts.isObject()) {
        return empty();
      }
      JsonNode s = facts.path("sponsor");
      JsonNode a = facts.path("applicant");
      List<String> kinds = new ArrayList<>();
      s.path("incomeKinds").forEach(k -> kinds.add(k.asText()));
      return new Form(text(s, "kind"), text(s, "euResidenceBasis"), text(s, "residence"), date(s, "statusGrantedOn"),
          income(s.path("monthlyNetIncome"), locale), kinds, text(s, "adequateHousing"), text(s, "healthInsurance"),
          text(s, "householdSize"), text(a, "relationship"), date(a, "birthDate"), date(a, "relationshipStartedOn"),
          text(a, "relationshipBeforeSponsorArrival"), text(a, "location"), text(a, "dependent"),
          text(a, "commonMinorChild"));
    }

    /** For the checkboxes: is this income kind ticked. */
    public boolean hasIncomeKind(String kind) {
      return incomeKinds != null && incomeKinds.contains(kind);
    }

    private static String text(JsonNode node, String field) {
      JsonNode v = node.path(field);
      return v.isMissingNode() || v.isNull() ? "" : v.asText();
    }

    private static String date(JsonNode node, String field) {
      String iso = text(node, field);
      try {
        return iso.isEmpty() ? "" : Formats.DATE.format(LocalDate.parse(iso));
      } catch (java.time.DateTimeException e) {
        return iso;
      }
    }

    private static String income(JsonNode v, java.util.Locale locale) {
      if (!v.isNumber() && !v.isTextual()) {
        return "";
      }
      BigDecimal amount = new BigDecimal(v.asText()).setScale(2, RoundingMode.HALF_UP);
      return locale != null && "en".equals(locale.getLanguage()) ? amount.toPlainString()
          : amount.toPlainString().replace('.', ',');
    }
  }

  /** The choices the form offers, in the order a caseworker reads them (labels: {@code facts.<field>.<code>}). */
  record Options(List<String> sponsorKinds, List<String> euResidenceBases, List<String> residences,
      List<String> incomeKinds, List<String> relationships, List<String> locations) {

    static final Options INSTANCE = new Options(names(FamilyReunificationFacts.SponsorKind.values()),
        names(FamilyReunificationFacts.EuResidenceBasis.values()), names(FamilyReunificationFacts.Residence.values()),
        names(FamilyReunificationFacts.IncomeKind.values()), names(FamilyReunificationFacts.Relationship.values()),
        names(FamilyReunificationFacts.Location.values()));

    private static List<String> names(Enum<?>[] values) {
      return java.util.Arrays.stream(values).map(Enum::name).toList();
    }
  }

  /** The facts to patch when {@link #errors} is empty; otherwise the message key of each refused field. */
  record Result(ObjectNode facts, Map<String, String> errors) {}

  static Result read(Form f, LocalDate today, ObjectMapper mapper) {
    return read(f, today, mapper, java.util.Locale.FRENCH);
  }

  /** The form read in the page's language (how the income is typed: {@link #parseAmount(String, java.util.Locale)}). */
  static Result read(Form f, LocalDate today, ObjectMapper mapper, java.util.Locale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    ObjectNode facts = mapper.createObjectNode();
    ObjectNode sponsor = facts.putObject("sponsor");
    ObjectNode applicant = facts.putObject("applicant");

    String kind = choice(f.sponsorKind(), FamilyReunificationFacts.SponsorKind.class, "sponsorKind", errors);
    if (kind == null && !errors.containsKey("sponsorKind")) {
      errors.put("sponsorKind", "facts.error.sponsorKind");
    }
    sponsor.put("kind", kind);
    if ("EU_CITIZEN".equals(kind)) {
      putIf(sponsor, "euResidenceBasis",
          choice(f.euResidenceBasis(), FamilyReunificationFacts.EuResidenceBasis.class, "euResidenceBasis", errors));
    }
    putIf(sponsor, "residence", choice(f.residence(), FamilyReunificationFacts.Residence.class, "residence", errors));
    LocalDate granted = date(f.statusGrantedOn(), "statusGrantedOn", errors);
    if (granted != null && granted.isAfter(today)) {
      errors.put("statusGrantedOn", "facts.error.date.future");
    }
    putIf(sponsor, "statusGrantedOn", granted == null ? null : granted.toString());
    BigDecimal income = amount(f.monthlyNetIncome(), locale, "monthlyNetIncome", errors);
    if (income != null) {
      sponsor.put("monthlyNetIncome", income);
    }
    if (f.incomeKinds() != null && !f.incomeKinds().isEmpty()) {
      Set<String> kinds = new LinkedHashSet<>();
      for (String k : f.incomeKinds()) {
        String v = choice(k, FamilyReunificationFacts.IncomeKind.class, "incomeKinds", errors);
        if (v != null) {
          kinds.add(v);
        }
      }
      var array = sponsor.putArray("incomeKinds");
      kinds.forEach(array::add);
    }
    putIf(sponsor, "adequateHousing", bool(f.adequateHousing(), "adequateHousing", errors));
    putIf(sponsor, "healthInsurance", bool(f.healthInsurance(), "healthInsurance", errors));
    Integer household = integer(f.householdSize(), 1, 30, "householdSize", errors);
    if (household != null) {
      sponsor.put("householdSize", household);
    }

    String relationship = choice(f.relationship(), FamilyReunificationFacts.Relationship.class, "relationship", errors);
    if (relationship == null && !errors.containsKey("relationship")) {
      errors.put("relationship", "facts.error.relationship");
    }
    applicant.put("relationship", relationship);
    LocalDate born = date(f.applicantBirthDate(), "applicantBirthDate", errors);
    if (born != null && !born.isBefore(today)) {
      errors.put("applicantBirthDate", "facts.error.birthDate.future");
    }
    putIf(applicant, "birthDate", born == null ? null : born.toString());
    LocalDate since = date(f.relationshipStartedOn(), "relationshipStartedOn", errors);
    if (since != null && since.isAfter(today)) {
      errors.put("relationshipStartedOn", "facts.error.date.future");
    } else if (since != null && born != null && since.isBefore(born)) {
      errors.put("relationshipStartedOn", "facts.error.relationshipBeforeBirth");
    }
    putIf(applicant, "relationshipStartedOn", since == null ? null : since.toString());
    putIf(applicant, "relationshipBeforeSponsorArrival",
        bool(f.relationshipBeforeSponsorArrival(), "relationshipBeforeSponsorArrival", errors));
    putIf(applicant, "location", choice(f.location(), FamilyReunificationFacts.Location.class, "location", errors));
    putIf(applicant, "dependent", bool(f.dependent(), "dependent", errors));
    putIf(applicant, "commonMinorChild", bool(f.commonMinorChild(), "commonMinorChild", errors));
    return new Result(facts, errors);
  }

  /** The form field of a field named by the API ({@code facts.sponsor.monthlyNetIncome}), or null. */
  static String formField(String apiField) {
    if (apiField == null) {
      return null;
    }
    String f = apiField.replaceFirst("^facts\\.", "").replaceAll("\\[.*", "");
    return switch (f) {
      case "sponsor.kind", "sponsor" -> "sponsorKind";
      case "applicant.birthDate" -> "applicantBirthDate";
      case "applicant.relationship", "applicant" -> "relationship";
      default -> f.startsWith("sponsor.") || f.startsWith("applicant.") ? f.substring(f.indexOf('.') + 1) : null;
    };
  }

  // ---- the history: a change of the facts as one line per fact ---------------------------------

  private static final Map<String, String> VALUE_LABELS = Map.ofEntries(Map.entry("kind", "facts.sponsorKind."),
      Map.entry("euResidenceBasis", "facts.euResidenceBasis."), Map.entry("residence", "facts.residence."),
      Map.entry("incomeKinds", "facts.incomeKind."), Map.entry("relationship", "facts.relationship."),
      Map.entry("location", "facts.location."), Map.entry("sponsorKind", "facts.sponsorKind."),
      // nationality (NationalityIntakeFacts) and visa (VisaIntakeFacts)
      Map.entry("residenceCard", "natfacts.residenceCard."), Map.entry("languageLevel", "natfacts.languageLevel."),
      Map.entry("socialIntegration", "natfacts.socialIntegration."), Map.entry("visaType", "visafacts.visaType."),
      Map.entry("purpose", "visafacts.purpose."));

  /**
   * The dossier's history with each change of the facts (stored as the whole JSON before and after)
   * split into the facts that changed, labelled ({@code history.field.facts.sponsor.kind}) and shown
   * as the caseworker typed them: labels, {@code jj/mm/aaaa}, {@code 2 400,00 €}, oui / non.
   */
  static List<be.parcours.dossier.ChangeView> readableHistory(List<be.parcours.dossier.ChangeView> history,
      ObjectMapper mapper, Labels labels, Formats fmt) {
    List<be.parcours.dossier.ChangeView> out = new ArrayList<>();
    for (var change : history) {
      if ("eligibility".equals(change.field())) {
        // the verdict given again when the rules in force changed: outcomes by their labels
        out.add(new be.parcours.dossier.ChangeView(change.at(), change.user(), change.field(),
            change.oldValue() == null ? null : labels.label("verdict.outcome.", change.oldValue()),
            change.newValue() == null ? null : labels.label("verdict.outcome.", change.newValue())));
        continue;
      }
      if (!"facts".equals(change.field())) {
        out.add(change);
        continue;
      }
      Map<String, JsonNode> before = flatten(parse(mapper, change.oldValue()));
      Map<String, JsonNode> after = flatten(parse(mapper, change.newValue()));
      if (before == null || after == null) {
        out.add(change); // not JSON (cut at 4000 characters): as stored
        continue;
      }
      Set<String> paths = new LinkedHashSet<>(after.keySet());
      paths.addAll(before.keySet());
      for (String path : paths) {
        JsonNode b = before.get(path);
        JsonNode a = after.get(path);
        if (!java.util.Objects.equals(b, a)) {
          out.add(new be.parcours.dossier.ChangeView(change.at(), change.user(), "facts." + path,
              display(path, b, labels, fmt), display(path, a, labels, fmt)));
        }
      }
    }
    return out;
  }

  private static JsonNode parse(ObjectMapper mapper, String json) {
    if (json == null) {
      return mapper.createObjectNode();
    }
    try {
      return mapper.readTree(json);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** {@code sponsor.kind → "EU_CITIZEN"}…; arrays stay whole; nulls are absent. */
  private static Map<String, JsonNode> flatten(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    flatten("", node, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
    node.fields().forEachRemaining(e -> {
      String path = prefix + e.getKey();
      if (e.getValue().isObject()) {
        flatten(path + ".", e.getValue(), out);
      } else if (!e.getValue().isNull()) {
        out.put(path, e.getValue());
      }
    });
  }

  private static String display(String path, JsonNode v, Labels labels, Formats fmt) {
    if (v == null) {
      return null;
    }
    String leaf = path.substring(path.lastIndexOf('.') + 1);
    String prefix = VALUE_LABELS.get(leaf);
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(i -> items.add(prefix == null ? i.asText() : labels.label(prefix, i.asText())));
      return String.join(", ", items);
    }
    if (v.isBoolean()) {
      return labels.label("facts.bool.", v.asText());
    }
    if (prefix != null) {
      return labels.label(prefix, v.asText());
    }
    if (leaf.equals("monthlyNetIncome") && v.isNumber()) {
      return fmt.money(v.decimalValue());
    }
    if (v.isTextual() && v.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return fmt.date(LocalDate.parse(v.asText()));
      } catch (java.time.DateTimeException e) {
        return v.asText();
      }
    }
    return v.asText();
  }

  // ---- reading typed values --------------------------------------------------------------------

  /** An amount whose separator reads both ways in the page's language ("2,400" in French, "2.400" in English). */
  static final class AmbiguousAmountException extends NumberFormatException {
    AmbiguousAmountException(String typed) {
      super("ambiguous amount " + typed);
    }
  }

  /** {@code 2 400,50}, {@code 2.400,50}, {@code 2400.50}, {@code 2400 €} read on a French page; null when empty. */
  static BigDecimal parseAmount(String typed) {
    return parseAmount(typed, java.util.Locale.FRENCH);
  }

  /**
   * An amount as typed on a page in that language. Spaces and {@code €} are ignored. With both a
   * comma and a dot, the last one is the decimal separator and the other groups thousands
   * ({@code 2.400,50}, {@code 2,400.50}: in every language). With one kind: several of them, or one
   * followed by three digits that is the thousands separator of the language, group thousands
   * ({@code 2.400} in French and Dutch, {@code 2,400} in English = 2400); one followed by one or
   * two digits is the decimal separator ({@code 2400,5}, {@code 2400.50}). One followed by three
   * digits that is the decimal separator of the language ({@code 2,400} in French, {@code 2.400} in
   * English) could be 2.4 or 2400: refused ({@link AmbiguousAmountException}).
   */
  static BigDecimal parseAmount(String typed, java.util.Locale locale) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    String t = typed.replaceAll("[\\s\\u00A0\\u202F€]", "").replace('−', '-');
    boolean negative = t.startsWith("-");
    String digits = negative ? t.substring(1) : t;
    char decimal = locale != null && "en".equals(locale.getLanguage()) ? '.' : ',';
    int comma = digits.lastIndexOf(',');
    int dot = digits.lastIndexOf('.');
    String whole;
    String cents;
    if (comma >= 0 && dot >= 0) {
      char dec = comma > dot ? ',' : '.';
      char group = dec == ',' ? '.' : ',';
      int at = digits.lastIndexOf(dec);
      whole = grouped(digits.substring(0, at), group, typed);
      cents = digits.substring(at + 1);
    } else if (comma >= 0 || dot >= 0) {
      char sep = comma >= 0 ? ',' : '.';
      int at = digits.lastIndexOf(sep);
      String after = digits.substring(at + 1);
      boolean several = digits.indexOf(sep) != at;
      if (several || (after.length() == 3 && sep != decimal)) {
        whole = grouped(digits, sep, typed);
        cents = "";
      } else if (after.length() == 3) {
        throw new AmbiguousAmountException(typed);
      } else {
        whole = digits.substring(0, at);
        cents = after;
      }
    } else {
      whole = digits;
      cents = "";
    }
    if (!whole.matches("\\d{1,12}") || !cents.matches("\\d{0,2}")) {
      throw new NumberFormatException(typed);
    }
    String normal = (negative ? "-" : "") + whole + (cents.isEmpty() ? "" : "." + cents);
    return new BigDecimal(normal).setScale(2, RoundingMode.UNNECESSARY);
  }

  /** {@code 1.234.567} with its group separator: the digits, or a format error when a group is not three digits. */
  private static String grouped(String part, char group, String typed) {
    String g = Pattern.quote(String.valueOf(group));
    if (!part.matches("\\d{1,3}(" + g + "\\d{3})*")) {
      throw new NumberFormatException(typed);
    }
    return part.replace(String.valueOf(group), "");
  }

  private static BigDecimal amount(String typed, java.util.Locale locale, String field, Map<String, String> errors) {
    BigDecimal amount;
    try {
      amount = parseAmount(typed, locale);
    } catch (AmbiguousAmountException e) {
      errors.put(field, "facts.error.income.ambiguous");
      return null;
    } catch (NumberFormatException | ArithmeticException e) {
      errors.put(field, "facts.error.income.format");
      return null;
    }
    if (amount != null && amount.signum() < 0) {
      errors.put(field, "facts.error.income.negative");
      return null;
    }
    if (amount != null && amount.compareTo(MAX_INCOME) > 0) {
      errors.put(field, "facts.error.income.tooLarge");
      return null;
    }
    return amount;
  }

  static LocalDate date(String typed, String field, Map<String, String> errors) {
    try {
      return Formats.parseDate(typed);
    } catch (Formats.DateInputException e) {
      errors.put(field, e.key());
      return null;
    }
  }

  static <E extends Enum<E>> String choice(String typed, Class<E> type, String field,
      Map<String, String> errors) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, typed.strip()).name();
    } catch (IllegalArgumentException e) {
      errors.put(field, "facts.error.choice");
      return null;
    }
  }

  static Boolean bool(String typed, String field, Map<String, String> errors) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    return switch (typed.strip()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> {
        errors.put(field, "facts.error.choice");
        yield null;
      }
    };
  }

  private static Integer integer(String typed, int min, int max, String field, Map<String, String> errors) {
    return integer(typed, min, max, field, "facts.error.householdSize", errors);
  }

  /** A whole number between min and max typed in a field; {@code errorKey} when it is not one. */
  static Integer integer(String typed, int min, int max, String field, String errorKey, Map<String, String> errors) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      int v = Integer.parseInt(typed.strip());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    errors.put(field, errorKey);
    return null;
  }

  static void putIf(ObjectNode node, String field, Object value) {
    if (value instanceof Boolean b) {
      node.put(field, b);
    } else if (value != null) {
      node.put(field, value.toString());
    }
  }
}
