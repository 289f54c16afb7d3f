package be.parcours.eligibility;

import java.time.LocalDate;

/** A visa application as the rules see it (null = unknown), on a reference date. */
public record VisaCase(LocalDate referenceDate, String visaType, String purpose, LocalDate birthDate,
    String nationality) {

  static VisaCase of(VisaFacts f, LocalDate referenceDate) {
    return new VisaCase(referenceDate, f.visaType().name(), f.purpose().name(), f.applicant().birthDate(),
        f.applicant().nationality());
  }

  public boolean purposeIn(String purposes) {
    return (" " + purposes + " ").contains(" " + purpose + " ");
  }
}
