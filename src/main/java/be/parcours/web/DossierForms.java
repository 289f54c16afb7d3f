package be.parcours.web;

import java.io.Serializable;
import java.util.List;

/**
 * What the dossier pages' forms post (text as typed, so nothing is lost when a value is refused).
 * Serializable: a refused form travels to the next page as a flash attribute, in the web session,
 * which the nodes of a cluster keep in the database (Spring Session JDBC).
 */
final class DossierForms {

  private DossierForms() {}

  /** Identity and contact: opening a dossier ("Nouveau dossier") and correcting the person. */
  record PersonForm(String procedure, String firstName, String lastName, String birthDate, String nationality,
      String languages, String phone, String email, Boolean confirmNew, String referent) implements Serializable {

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

  record DocumentForm(String status, Boolean legalised, Boolean translated, String expiresOn, String note)
      implements Serializable {}

  record InterventionForm(String type, String date, String minutes, String note) implements Serializable {}

  record DecisionForm(String outcome, String date, String mode) implements Serializable {}

  record AccessRequestForm(String reason) implements Serializable {}
}
