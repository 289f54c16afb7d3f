package be.parcours.eligibility;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;

/**
 * Facts of a visa application, as the API contract gives them. Beyond the contract:
 * {@code sponsorKind} (optional, family reunification): the family of a Belgian or of an EU citizen
 * is decided within the period of art. 42 §1, not that of art. 12bis.
 */
public record VisaFacts(@NotNull VisaType visaType, @NotNull Purpose purpose, @NotNull @Valid Applicant applicant,
    FamilyReunificationFacts.SponsorKind sponsorKind) {

  @com.fasterxml.jackson.annotation.JsonCreator
  public VisaFacts {}

  public VisaFacts(VisaType visaType, Purpose purpose, Applicant applicant) {
    this(visaType, purpose, applicant, null);
  }

  public enum VisaType { C, D }

  public enum Purpose { FAMILY_VISIT, FAMILY_REUNIFICATION, TOURISM, STUDY, WORK }

  /** {@code nationality}: ISO 3166-1 alpha-2 or alpha-3 country code. */
  public record Applicant(@Past java.time.LocalDate birthDate, @Pattern(regexp = "[A-Za-z]{2,3}") String nationality) {}
}
