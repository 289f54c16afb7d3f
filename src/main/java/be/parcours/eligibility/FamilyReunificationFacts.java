package be.parcours.eligibility;

import com.fasterxml.jackson.annotation.JsonCreator;
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
 * does not know may be null: the matching criterion is then UNKNOWN. Beyond the contract's first
 * version: {@code sponsor.euResidenceBasis} (contract additions), {@code applicant.dependent} (the
 * applicant is dependent on the sponsor: "à charge", art. 40bis §2) and
 * {@code applicant.commonMinorChild} (the couple has a common minor child, art. 10 §1 4°).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record FamilyReunificationFacts(@NotNull @Valid Sponsor sponsor, @NotNull @Valid Applicant applicant) {

  public enum SponsorKind { THIRD_COUNTRY_NATIONAL, REFUGEE, SUBSIDIARY_PROTECTION, BELGIAN, EU_CITIZEN }

  public enum Residence { UNLIMITED, LIMITED }

  public enum IncomeKind {
    EMPLOYMENT, SELF_EMPLOYMENT, PENSION, UNEMPLOYMENT_WITH_JOB_SEARCH, UNEMPLOYMENT, SOCIAL_ASSISTANCE, FAMILY_ALLOWANCE
  }

  /** {@code ASCENDANT}: a parent or grand-parent of the sponsor (or of the spouse), art. 40bis §2 4°. */
  public enum Relationship {
    SPOUSE, REGISTERED_PARTNER, CHILD, DISABLED_ADULT_CHILD, PARENT_OF_UNACCOMPANIED_MINOR, ASCENDANT
  }

  /** On what ground an EU citizen resides in Belgium (art. 40 §4 loi du 15.12.1980). */
  public enum EuResidenceBasis { WORKER, SELF_EMPLOYED, JOBSEEKER, SELF_SUFFICIENT, STUDENT }

  public enum Location { ABROAD, IN_BELGIUM }

  public record Sponsor(
      @NotNull SponsorKind kind,
      Residence residence,
      @PastOrPresent LocalDate statusGrantedOn,
      @PositiveOrZero BigDecimal monthlyNetIncome,
      Set<IncomeKind> incomeKinds,
      Boolean adequateHousing,
      Boolean healthInsurance,
      @Min(1) @Max(30) Integer householdSize,
      EuResidenceBasis euResidenceBasis) {

    @JsonCreator
    public Sponsor {}

    /** Without the EU residence basis (not an EU citizen, or not known). */
    public Sponsor(SponsorKind kind, Residence residence, LocalDate statusGrantedOn, BigDecimal monthlyNetIncome,
        Set<IncomeKind> incomeKinds, Boolean adequateHousing, Boolean healthInsurance, Integer householdSize) {
      this(kind, residence, statusGrantedOn, monthlyNetIncome, incomeKinds, adequateHousing, healthInsurance,
          householdSize, null);
    }
  }

  public record Applicant(
      @NotNull Relationship relationship,
      @Past LocalDate birthDate,
      @PastOrPresent LocalDate relationshipStartedOn,
      Boolean relationshipBeforeSponsorArrival,
      Location location,
      Boolean dependent,
      Boolean commonMinorChild) {

    @JsonCreator
    public Applicant {}

    /** Without dependency and common minor child (unknown). */
    public Applicant(Relationship relationship, LocalDate birthDate, LocalDate relationshipStartedOn,
        Boolean relationshipBeforeSponsorArrival, Location location) {
      this(relationship, birthDate, relationshipStartedOn, relationshipBeforeSponsorArrival, location, null, null);
    }
  }
}
