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
    Boolean relationshipBeforeSponsorArrival, String location, String euResidenceBasis, Boolean dependent,
    Boolean commonMinorChild) {

  static FrCase of(FamilyReunificationFacts f, LocalDate referenceDate) {
    var s = f.sponsor();
    var a = f.applicant();
    return new FrCase(referenceDate, s.kind().name(), s.residence() == null ? null : s.residence().name(),
        s.statusGrantedOn(), s.monthlyNetIncome(), s.incomeKinds() == null ? null : Set.copyOf(s.incomeKinds()),
        s.adequateHousing(), s.healthInsurance(), s.householdSize(), a.relationship().name(), a.birthDate(),
        a.relationshipStartedOn(), a.relationshipBeforeSponsorArrival(), a.location() == null ? null : a.location().name(),
        s.euResidenceBasis() == null ? null : s.euResidenceBasis().name(), a.dependent(), a.commonMinorChild());
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

  /** True when income kinds are declared and every one of them is in the given space-separated list. */
  public boolean onlyIncomeKindsIn(String kinds) {
    if (incomeKinds == null || incomeKinds.isEmpty()) {
      return false;
    }
    java.util.List<String> listed = java.util.Arrays.asList(kinds.split("\\s+"));
    return incomeKinds.stream().allMatch(k -> listed.contains(k.name()));
  }

  /** A child or a disabled adult child: a descendant (art. 40bis §2 3°). */
  public boolean descendant() {
    return "CHILD".equals(relationship) || "DISABLED_ADULT_CHILD".equals(relationship);
  }

  /** The day the applicant reaches the given age (null when the birth date is unknown). */
  public LocalDate applicantReaches(int years) {
    return applicantBirthDate == null ? null : applicantBirthDate.plusYears(years);
  }

  /** The day so many months after the sponsor's status was granted (null when unknown). */
  public LocalDate monthsAfterStatus(int months) {
    return statusGrantedOn == null ? null : statusGrantedOn.plusMonths(months);
  }

  public boolean onOrAfter(LocalDate day) {
    return !referenceDate.isBefore(day);
  }

  public int extraPersons() {
    return householdSize == null ? 0 : Math.max(0, householdSize - 2);
  }
}
