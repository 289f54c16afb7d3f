package be.parcours.eligibility;

import java.time.LocalDate;
import java.time.Period;

/** The nationality facts as the rules see them (null = unknown), on a reference date. */
public record NatCase(LocalDate referenceDate, LocalDate feeDate, LocalDate birthDate, Boolean bornInBelgium,
    Boolean livedInBelgiumSinceBirth, String residenceCard, LocalDate legalStaySince, String languageLevel,
    String socialIntegration, Integer daysWorkedLast5Years, Integer selfEmployedQuarters,
    Integer marriedToBelgianCohabitingYears, Boolean parentOfMinorBelgian, Boolean disabilityOrPension,
    Boolean communityParticipation) {

  static NatCase of(NationalityFacts f, LocalDate referenceDate) {
    var p = f.person();
    return new NatCase(referenceDate, f.feePaidOn() != null ? f.feePaidOn() : referenceDate, p.birthDate(),
        p.bornInBelgium(), p.livedInBelgiumSinceBirth(), p.residenceCard() == null ? null : p.residenceCard().name(),
        p.legalStaySince(), p.languageLevel() == null ? null : p.languageLevel().name(),
        p.socialIntegration() == null ? null : p.socialIntegration().name(), p.daysWorkedLast5Years(),
        p.selfEmployedQuarters(), p.marriedToBelgianCohabitingYears(), p.parentOfMinorBelgian(),
        p.disabilityOrPension(), p.communityParticipation());
  }

  public int age() {
    return Period.between(birthDate, referenceDate).getYears();
  }

  /** Whole years of uninterrupted legal stay, or -1 when unknown. */
  public int stayYears() {
    return legalStaySince == null ? -1 : Period.between(legalStaySince, referenceDate).getYears();
  }

  public boolean cardIn(String cards) {
    return residenceCard != null && (" " + cards + " ").contains(" " + residenceCard + " ");
  }

  /** CEFR levels in order: A1 < A2 < B1 < B2 < C1 < C2; NONE below all. */
  public boolean languageAtLeast(String level) {
    String order = "NONE A1 A2 B1 B2 C1 C2";
    return languageLevel != null && order.indexOf(languageLevel) >= order.indexOf(level);
  }

  public boolean integrated() {
    return socialIntegration != null && !"NONE".equals(socialIntegration);
  }

  public int daysWorked() {
    return daysWorkedLast5Years == null ? 0 : daysWorkedLast5Years;
  }

  public int quarters() {
    return selfEmployedQuarters == null ? 0 : selfEmployedQuarters;
  }
}
