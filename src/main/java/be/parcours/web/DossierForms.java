package be.parcours.web;

import java.util.List;

/** What the dossier pages' forms post (text as typed, so nothing is lost when a value is refused). */
final class DossierForms {

  private DossierForms() {}

  /** Identity and contact: opening a dossier ("Nouveau dossier") and correcting the person. */
  record PersonForm(String procedure, String firstName, String lastName, String birthDate, String nationality,
      String languages, String phone, String email, Boolean confirmNew, String referent) {

    PersonForm(String procedure, String firstName, String lastName, String birthDate, String nationality,
        String languages, String phone, String email, Boolean confirmNew) {
      this(procedure, firstName, lastName, birthDate, nationality, languages, phone, email, confirmNew, null);
    }

    static PersonForm empty(String referent) {
      return new PersonForm("family-reunification", "", "", "", "", "fr", "", "", false, referent);
    }

    List<String> languageList() {
      if (languages == null || languages.isBlank()) {
        return List.of();
      }
      return java.util.Arrays.stream(languages.split("[,;\\s]+")).map(String::strip)
          .map(s -> s.toLowerCase(java.util.Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList();
    }
  }

  record DocumentForm(String status, Boolean legalised, Boolean translated, String expiresOn, String note) {}

  record InterventionForm(String type, String date, String minutes, String note) {}

  record DecisionForm(String outcome, String date, String mode) {}

  record AccessRequestForm(String reason) {}
}
