package be.parcours.eligibility;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

/** Facts of a Belgian nationality declaration (art. 12bis CNB), as the API contract gives them. */
public record NationalityFacts(@PastOrPresent LocalDate feePaidOn, @NotNull @Valid Person person) {

  public enum LanguageLevel { A1, A2, B1, B2, C1, C2, NONE }

  public enum SocialIntegration { DIPLOMA, TRAINING_400H, INTEGRATION_COURSE, FIVE_YEARS_WORK, NONE }

  public enum ResidenceCard { A, B, C, D, E, E_PLUS, EU, EU_PLUS, F, F_PLUS, H, K, L, M, N }

  public record Person(
      @NotNull @Past LocalDate birthDate,
      Boolean bornInBelgium,
      Boolean livedInBelgiumSinceBirth,
      ResidenceCard residenceCard,
      @PastOrPresent LocalDate legalStaySince,
      LanguageLevel languageLevel,
      SocialIntegration socialIntegration,
      @Min(0) @Max(1830) Integer daysWorkedLast5Years,
      @Min(0) @Max(40) Integer selfEmployedQuarters,
      @Min(0) @Max(100) Integer marriedToBelgianCohabitingYears,
      Boolean parentOfMinorBelgian,
      Boolean disabilityOrPension,
      Boolean communityParticipation) {}
}
