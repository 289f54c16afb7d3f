package be.parcours.eligibility;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * Facts of a family reunification case, as the API contract gives them. A field the caseworker
 * does not know may be null: the matching criterion is then UNKNOWN.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record FamilyReunificationFacts(@NotNull @Valid Sponsor sponsor, @NotNull @Valid Applicant applicant) {

  public enum SponsorKind { THIRD_COUNTRY_NATIONAL, REFUGEE, SUBSIDIARY_PROTECTION, BELGIAN, EU_CITIZEN }

  public enum Residence { UNLIMITED, LIMITED }

  public enum IncomeKind {
    EMPLOYMENT, SELF_EMPLOYMENT, PENSION, UNEMPLOYMENT_WITH_JOB_SEARCH, UNEMPLOYMENT, SOCIAL_ASSISTANCE, FAMILY_ALLOWANCE
  }

  public enum Relationship { SPOUSE, REGISTERED_PARTNER, CHILD, DISABLED_ADULT_CHILD, PARENT_OF_UNACCOMPANIED_MINOR }

  public enum Location { ABROAD, IN_BELGIUM }

  public record Sponsor(
      @NotNull SponsorKind kind,
      Residence residence,
      @PastOrPresent LocalDate statusGrantedOn,
      @PositiveOrZero BigDecimal monthlyNetIncome,
      Set<IncomeKind> incomeKinds,
      Boolean adequateHousing,
      Boolean healthInsurance,
      @Min(1) @Max(30) Integer householdSize) {}

  public record Applicant(
      @NotNull Relationship relationship,
      @Past LocalDate birthDate,
      @PastOrPresent LocalDate relationshipStartedOn,
      Boolean relationshipBeforeSponsorArrival,
      Location location) {}
}
