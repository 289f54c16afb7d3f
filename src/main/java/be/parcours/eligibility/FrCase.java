package be.parcours.eligibility;

import be.parcours.eligibility.FamilyReunificationFacts.IncomeKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/** The family reunification facts as the rules see them (flat, null = unknown), on a reference date. */
public record FrCase(LocalDate referenceDate, String sponsorKind, String residence, LocalDate statusGrantedOn,
    BigDecimal monthlyNetIncome, Set<IncomeKind> incomeKinds, Boolean adequateHousing, Boolean healthInsurance,
    Integer householdSize, String relationship, LocalDate applicantBirthDate, LocalDate relationshipStartedOn,
    Boolean relationshipBeforeSponsorArrival, String location) {

  static FrCase of(FamilyReunificationFacts f, LocalDate referenceDate) {
    var s = f.sponsor();
    var a = f.applicant();
    return new FrCase(referenceDate, s.kind().name(), s.residence() == null ? null : s.residence().name(),
        s.statusGrantedOn(), s.monthlyNetIncome(), s.incomeKinds() == null ? null : Set.copyOf(s.incomeKinds()),
        s.adequateHousing(), s.healthInsurance(), s.householdSize(), a.relationship().name(), a.birthDate(),
        a.relationshipStartedOn(), a.relationshipBeforeSponsorArrival(), a.location() == null ? null : a.location().name());
  }

  /** Age of the applicant on the reference date, or -1 when the birth date is unknown. */
  public int applicantAge() {
    return applicantBirthDate == null ? -1 : Period.between(applicantBirthDate, referenceDate).getYears();
  }

  public boolean applicantAgeKnown() {
    return applicantBirthDate != null;
  }

  public boolean partner() {
    return "SPOUSE".equals(relationship) || "REGISTERED_PARTNER".equals(relationship);
  }

  public boolean protectedSponsor() {
    return "REFUGEE".equals(sponsorKind) || "SUBSIDIARY_PROTECTION".equals(sponsorKind);
  }

  public boolean unionCitizenOrBelgianSponsor() {
    return "BELGIAN".equals(sponsorKind) || "EU_CITIZEN".equals(sponsorKind);
  }

  /** True when one of the income kinds is in the given space-separated list. */
  public boolean hasIncomeKindIn(String kinds) {
    if (incomeKinds == null) {
      return false;
    }
    for (String k : kinds.split("\\s+")) {
      if (!k.isBlank() && incomeKinds.contains(IncomeKind.valueOf(k))) {
        return true;
      }
    }
    return false;
  }

  public boolean onOrAfter(LocalDate day) {
    return !referenceDate.isBefore(day);
  }

  public int extraPersons() {
    return householdSize == null ? 0 : Math.max(0, householdSize - 2);
  }
}
