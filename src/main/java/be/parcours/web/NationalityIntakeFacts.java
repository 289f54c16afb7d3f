package be.parcours.web;

import be.parcours.eligibility.NationalityFacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of a nationality declaration (art. 12bis CNB) as the dossier page's form posts them,
 * read into the facts of {@code PATCH /api/dossiers/{id}} ({@link NationalityFacts}: {@code feePaidOn},
 * {@code person { … }}). Dates {@code jj/mm/aaaa}; an empty field is unknown (its criterion stays
 * « à vérifier »), except the birth date, which every path needs. Plain Java: errors are message
 * keys by form field.
 */
final class NationalityIntakeFacts {

  private NationalityIntakeFacts() {}

  /** What the form posts; booleans are {@code "true"}, {@code "false"} or empty (unknown). */
  record Form(String feePaidOn, String birthDate, String bornInBelgium, String livedInBelgiumSinceBirth,
      String residenceCard, String legalStaySince, String languageLevel, String socialIntegration,
      String daysWorkedLast5Years, String selfEmployedQuarters, String marriedToBelgianCohabitingYears,
      String parentOfMinorBelgian, String disabilityOrPension, String communityParticipation) implements Serializable {

    /** The facts recorded (the stored JSON), or an empty form with the person's birth date. */
    static Form of(JsonNode facts, LocalDate personBirthDate) {
      String born = personBirthDate == null ? "" : Formats.DATE.format(personBirthDate);
      if (facts == null || !facts.isObject()) {
        return new Form("", born, "", "", "", "", "", "", "", "", "", "", "", "");
      }
      JsonNode p = facts.path("person");
      String recordedBirth = date(p, "birthDate");
      return new Form(date(facts, "feePaidOn"), recordedBirth.isEmpty() ? born : recordedBirth, text(p, "bornInBelgium"),
          text(p, "livedInBelgiumSinceBirth"), text(p, "residenceCard"), date(p, "legalStaySince"),
          text(p, "languageLevel"), text(p, "socialIntegration"), text(p, "daysWorkedLast5Years"),
          text(p, "selfEmployedQuarters"), text(p, "marriedToBelgianCohabitingYears"), text(p, "parentOfMinorBelgian"),
          text(p, "disabilityOrPension"), text(p, "communityParticipation"));
    }
  }

  /** The choices, in the order a caseworker reads them (labels: {@code natfacts.<field>.<code>}). */
  record Options(List<String> residenceCards, List<String> languageLevels, List<String> socialIntegrations) {

    static final Options INSTANCE = new Options(names(NationalityFacts.ResidenceCard.values()),
        names(NationalityFacts.LanguageLevel.values()), names(NationalityFacts.SocialIntegration.values()));
  }

  static Map<String, String> read(Form f, LocalDate today, ObjectNode into) {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate fee = IntakeFacts.date(f.feePaidOn(), "feePaidOn", errors);
    if (fee != null && fee.isAfter(today)) {
      errors.put("feePaidOn", "facts.error.date.future");
    }
    IntakeFacts.putIf(into, "feePaidOn", fee);
    ObjectNode person = into.putObject("person");
    LocalDate born = IntakeFacts.date(f.birthDate(), "birthDate", errors);
    if (born == null && !errors.containsKey("birthDate")) {
      errors.put("birthDate", "natfacts.error.birthDate");
    } else if (born != null && !born.isBefore(today)) {
      errors.put("birthDate", "facts.error.birthDate.future");
    }
    IntakeFacts.putIf(person, "birthDate", born);
    IntakeFacts.putIf(person, "bornInBelgium", IntakeFacts.bool(f.bornInBelgium(), "bornInBelgium", errors));
    IntakeFacts.putIf(person, "livedInBelgiumSinceBirth",
        IntakeFacts.bool(f.livedInBelgiumSinceBirth(), "livedInBelgiumSinceBirth", errors));
    IntakeFacts.putIf(person, "residenceCard",
        IntakeFacts.choice(f.residenceCard(), NationalityFacts.ResidenceCard.class, "residenceCard", errors));
    LocalDate since = IntakeFacts.date(f.legalStaySince(), "legalStaySince", errors);
    if (since != null && since.isAfter(today)) {
      errors.put("legalStaySince", "facts.error.date.future");
    } else if (since != null && born != null && since.isBefore(born)) {
      errors.put("legalStaySince", "natfacts.error.legalStayBeforeBirth");
    }
    IntakeFacts.putIf(person, "legalStaySince", since);
    IntakeFacts.putIf(person, "languageLevel",
        IntakeFacts.choice(f.languageLevel(), NationalityFacts.LanguageLevel.class, "languageLevel", errors));
    IntakeFacts.putIf(person, "socialIntegration",
        IntakeFacts.choice(f.socialIntegration(), NationalityFacts.SocialIntegration.class, "socialIntegration", errors));
    putInt(person, "daysWorkedLast5Years",
        IntakeFacts.integer(f.daysWorkedLast5Years(), 0, 1830, "daysWorkedLast5Years", "natfacts.error.days", errors));
    putInt(person, "selfEmployedQuarters",
        IntakeFacts.integer(f.selfEmployedQuarters(), 0, 40, "selfEmployedQuarters", "natfacts.error.quarters", errors));
    putInt(person, "marriedToBelgianCohabitingYears", IntakeFacts.integer(f.marriedToBelgianCohabitingYears(), 0, 100,
        "marriedToBelgianCohabitingYears", "natfacts.error.years", errors));
    IntakeFacts.putIf(person, "parentOfMinorBelgian",
        IntakeFacts.bool(f.parentOfMinorBelgian(), "parentOfMinorBelgian", errors));
    IntakeFacts.putIf(person, "disabilityOrPension",
        IntakeFacts.bool(f.disabilityOrPension(), "disabilityOrPension", errors));
    IntakeFacts.putIf(person, "communityParticipation",
        IntakeFacts.bool(f.communityParticipation(), "communityParticipation", errors));
    return errors;
  }

  /** The form field of a field named by the API ({@code facts.person.birthDate}), or null. */
  static String formField(String apiField) {
    if (apiField == null) {
      return null;
    }
    String f = apiField.replaceFirst("^facts\\.", "").replaceFirst("^person\\.?", "");
    return f.isEmpty() ? "birthDate" : f;
  }

  private static void putInt(ObjectNode node, String field, Integer value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? "" : v.asText();
  }

  static String date(JsonNode node, String field) {
    String iso = text(node, field);
    try {
      return iso.isEmpty() ? "" : Formats.DATE.format(LocalDate.parse(iso));
    } catch (java.time.DateTimeException e) {
      return iso;
    }
  }
}
