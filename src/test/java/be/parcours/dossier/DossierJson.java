package be.parcours.dossier;

/** Request bodies of the contract used by dossier tests. */
final class DossierJson {

  private DossierJson() {}

  static String familyReunification(String lastName) {
    return """
        {"procedure":"family-reunification",
         "beneficiary":{"firstName":"Amina","lastName":"%s","birthDate":"1990-02-03","nationality":"MA",
                        "languages":["fr","ar"],"phone":"+32 470 12 34 56","email":"amina@example.org"},
         "referenceDate":"2025-09-15",
         "sponsor":{"kind":"THIRD_COUNTRY_NATIONAL","residence":"UNLIMITED","statusGrantedOn":"2025-09-01",
                    "monthlyNetIncome":2400.00,"incomeKinds":["EMPLOYMENT"],"adequateHousing":true,
                    "healthInsurance":true,"householdSize":2},
         "applicant":{"relationship":"SPOUSE","birthDate":"1996-04-02","relationshipStartedOn":"2021-06-12",
                      "relationshipBeforeSponsorArrival":true,"location":"ABROAD"}}
        """.formatted(lastName);
  }

  static String nationality(String lastName) {
    return """
        {"procedure":"nationality","beneficiary":{"firstName":"Kwame","lastName":"%s"},
         "person":{"birthDate":"1985-06-14","residenceCard":"B","legalStaySince":"2016-02-01","languageLevel":"A2",
                   "socialIntegration":"FIVE_YEARS_WORK","daysWorkedLast5Years":980}}
        """.formatted(lastName);
  }
}
