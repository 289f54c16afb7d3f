package be.parcours.eligibility;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/** A visa application as the rules see it: flat, null = unknown, on a reference date. */
public record VisaCase(LocalDate referenceDate, String visaType, String purpose, LocalDate birthDate,
    String nationality, String sponsorKind) {

  static VisaCase of(VisaFacts f, LocalDate referenceDate) {
    return new VisaCase(referenceDate, f.visaType().name(), f.purpose().name(),
        f.applicant() == null ? null : f.applicant().birthDate(),
        f.applicant() == null || f.applicant().nationality() == null ? null
            : f.applicant().nationality().toUpperCase(java.util.Locale.ROOT),
        f.sponsorKind() == null ? null : f.sponsorKind().name());
  }

  public boolean ageKnown() {
    return birthDate != null;
  }

  /** Age on the reference date, or -1 when unknown. */
  public int age() {
    return birthDate == null ? -1 : Period.between(birthDate, referenceDate).getYears();
  }

  /** Calendar days from the reference date to the same date so many months later. */
  public long daysInMonths(int months) {
    return ChronoUnit.DAYS.between(referenceDate, referenceDate.plusMonths(months));
  }
}
