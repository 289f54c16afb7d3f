package be.parcours.web;

import be.parcours.eligibility.FamilyReunificationFacts;
import be.parcours.eligibility.VisaFacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The facts of a visa application as the pages post them (opening a visa dossier, and the dossier
 * page), read into the facts of the API ({@link VisaFacts}: {@code visaType}, {@code purpose},
 * {@code applicant { birthDate, nationality }}, {@code sponsorKind}). The applicant is the person of
 * the dossier unless the caseworker says otherwise. Plain Java: errors are message keys by field.
 */
final class VisaIntakeFacts {

  private VisaIntakeFacts() {}

  /** What the form posts (text as typed). */
  record Form(String visaType, String purpose, String applicantBirthDate, String applicantNationality,
      String sponsorKind) implements Serializable {

    /** The facts recorded, or the visa type of the running procedure and the person's birth date and nationality. */
    static Form of(JsonNode facts, String runningVisaType, LocalDate personBirthDate, String personNationality) {
      if (facts == null || !facts.isObject()) {
        return new Form(runningVisaType == null ? "" : runningVisaType, "",
            personBirthDate == null ? "" : Formats.DATE.format(personBirthDate),
            personNationality == null ? "" : personNationality, "");
      }
      JsonNode a = facts.path("applicant");
      return new Form(NationalityIntakeFacts.text(facts, "visaType"), NationalityIntakeFacts.text(facts, "purpose"),
          NationalityIntakeFacts.date(a, "birthDate"), NationalityIntakeFacts.text(a, "nationality"),
          NationalityIntakeFacts.text(facts, "sponsorKind"));
    }
  }

  /** The choices (labels: {@code visafacts.visaType.<code>}, {@code label.<purpose>}, {@code facts.sponsorKind.<code>}). */
  record Options(List<String> visaTypes, List<String> purposes, List<String> sponsorKinds) {

    static final Options INSTANCE = new Options(NationalityIntakeFacts.names(VisaFacts.VisaType.values()),
        NationalityIntakeFacts.names(VisaFacts.Purpose.values()),
        NationalityIntakeFacts.names(FamilyReunificationFacts.SponsorKind.values()));
  }

  /** Reads the form into {@code into}; the message key of each refused field (empty: nothing refused). */
  static Map<String, String> read(Form f, LocalDate today, ObjectNode into) {
    Map<String, String> errors = new LinkedHashMap<>();
    String type = IntakeFacts.choice(f.visaType(), VisaFacts.VisaType.class, "visaType", errors);
    if (type == null && !errors.containsKey("visaType")) {
      errors.put("visaType", "visafacts.error.visaType");
    }
    IntakeFacts.putIf(into, "visaType", type);
    String purpose = IntakeFacts.choice(f.purpose(), VisaFacts.Purpose.class, "purpose", errors);
    if (purpose == null && !errors.containsKey("purpose")) {
      errors.put("purpose", "visafacts.error.purpose");
    }
    IntakeFacts.putIf(into, "purpose", purpose);
    ObjectNode applicant = into.putObject("applicant");
    LocalDate born = IntakeFacts.date(f.applicantBirthDate(), "applicantBirthDate", errors);
    if (born != null && !born.isBefore(today)) {
      errors.put("applicantBirthDate", "facts.error.birthDate.future");
    }
    IntakeFacts.putIf(applicant, "birthDate", born);
    String nationality = f.applicantNationality() == null ? "" : f.applicantNationality().strip();
    if (!nationality.isEmpty() && !nationality.matches("[A-Za-z]{2,3}")) {
      errors.put("applicantNationality", "visafacts.error.nationality");
    } else if (!nationality.isEmpty()) {
      applicant.put("nationality", nationality.toUpperCase(Locale.ROOT));
    }
    if ("FAMILY_REUNIFICATION".equals(purpose)) {
      IntakeFacts.putIf(into, "sponsorKind", IntakeFacts.choice(f.sponsorKind(),
          FamilyReunificationFacts.SponsorKind.class, "sponsorKind", errors));
    }
    return errors;
  }

  /** The form field of a field named by the API ({@code facts.applicant.nationality}), or null. */
  static String formField(String apiField) {
    if (apiField == null) {
      return null;
    }
    String f = apiField.replaceFirst("^facts\\.", "");
    return switch (f) {
      case "applicant.birthDate" -> "applicantBirthDate";
      case "applicant.nationality" -> "applicantNationality";
      case "visaType", "purpose", "sponsorKind" -> f;
      default -> null;
    };
  }
}
