package be.parcours.eligibility;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A nationality declaration (art. 12bis CNB) as the rules see it: flat, null = unknown, on a reference date. */
public record NatCase(LocalDate referenceDate, LocalDate feePaidOn, LocalDate birthDate, Boolean bornInBelgium,
    Boolean livedInBelgiumSinceBirth, String residenceCard, LocalDate legalStaySince, String languageLevel,
    String socialIntegration, Integer daysWorkedLast5Years, Integer selfEmployedQuarters,
    Integer marriedToBelgianCohabitingYears, Boolean parentOfMinorBelgian, Boolean disabilityOrPension,
    Boolean communityParticipation) {

  private static final List<String> LEVELS = List.of("NONE", "A1", "A2", "B1", "B2", "C1", "C2");

  static NatCase of(NationalityFacts f, LocalDate referenceDate) {
    var p = f.person();
    return new NatCase(referenceDate, f.feePaidOn(), p.birthDate(), p.bornInBelgium(), p.livedInBelgiumSinceBirth(),
        p.residenceCard() == null ? null : p.residenceCard().name(), p.legalStaySince(),
        p.languageLevel() == null ? null : p.languageLevel().name(),
        p.socialIntegration() == null ? null : p.socialIntegration().name(), p.daysWorkedLast5Years(),
        p.selfEmployedQuarters(), p.marriedToBelgianCohabitingYears(), p.parentOfMinorBelgian(),
        p.disabilityOrPension(), p.communityParticipation());
  }

  public boolean ageKnown() {
    return birthDate != null;
  }

  /** Age on the reference date, or -1 when unknown. */
  public int age() {
    return birthDate == null ? -1 : Period.between(birthDate, referenceDate).getYears();
  }

  /** The fee is owed by the payment date when known, else the reference date. */
  public LocalDate feeDate() {
    return feePaidOn != null ? feePaidOn : referenceDate;
  }

  /** True when the card is in the given space-separated list. */
  public boolean cardIn(String cards) {
    return residenceCard != null && List.of(cards.trim().split("\\s+")).contains(residenceCard);
  }

  /** True when the language level is at least the given one (A1 < A2 < B1 < ... < C2). */
  public boolean languageAtLeast(String level) {
    return languageLevel != null && LEVELS.indexOf(languageLevel) >= LEVELS.indexOf(level.trim());
  }

  public boolean stayKnown() {
    return legalStaySince != null;
  }

  /** The day from which the legal stay has lasted the given number of years. */
  public LocalDate stayMetFrom(int years) {
    return legalStaySince.plusYears(years);
  }

  public boolean stayOf(int years) {
    return legalStaySince != null && !referenceDate.isBefore(stayMetFrom(years));
  }

  /** Days still missing before the legal stay lasts the given number of years (0 when met). */
  public long stayDaysMissing(int years) {
    return Math.max(0, ChronoUnit.DAYS.between(referenceDate, stayMetFrom(years)));
  }

  public boolean bornAndLivedHere() {
    return Boolean.TRUE.equals(bornInBelgium) && Boolean.TRUE.equals(livedInBelgiumSinceBirth);
  }

  public boolean notBornOrNotLivedHere() {
    return Boolean.FALSE.equals(bornInBelgium) || Boolean.FALSE.equals(livedInBelgiumSinceBirth);
  }

  public int daysWorked() {
    return daysWorkedLast5Years == null ? 0 : daysWorkedLast5Years;
  }

  public int quarters() {
    return selfEmployedQuarters == null ? 0 : selfEmployedQuarters;
  }

  public boolean workKnown() {
    return daysWorkedLast5Years != null || selfEmployedQuarters != null;
  }
}
