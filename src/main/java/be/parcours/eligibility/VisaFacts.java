package be.parcours.eligibility;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;

/** Facts of a visa application, as the API contract gives them. */
public record VisaFacts(@NotNull VisaType visaType, @NotNull Purpose purpose, @NotNull @Valid Applicant applicant) {

  public enum VisaType { C, D }

  public enum Purpose { FAMILY_VISIT, FAMILY_REUNIFICATION, TOURISM, STUDY, WORK }

  /** {@code nationality}: ISO 3166-1 alpha-2 or alpha-3 country code. */
  public record Applicant(@Past java.time.LocalDate birthDate, @Pattern(regexp = "[A-Za-z]{2,3}") String nationality) {}
}
