package be.parcours.eligibility;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/eligibility/...}: a verdict for a case and a reference date (see the contract). */
@RestController
@RequestMapping("/api/eligibility")
class EligibilityController {

  record FamilyReunificationRequest(@NotNull LocalDate referenceDate,
      @NotNull @Valid FamilyReunificationFacts.Sponsor sponsor,
      @NotNull @Valid FamilyReunificationFacts.Applicant applicant) {}

  record NationalityRequest(@NotNull LocalDate referenceDate, @PastOrPresent LocalDate feePaidOn,
      @NotNull @Valid NationalityFacts.Person person) {}

  record VisaRequest(@NotNull LocalDate referenceDate, @NotNull VisaFacts.VisaType visaType,
      @NotNull VisaFacts.Purpose purpose, @NotNull @Valid VisaFacts.Applicant applicant,
      FamilyReunificationFacts.SponsorKind sponsorKind) {}

  private final EligibilityService eligibility;

  EligibilityController(EligibilityService eligibility) {
    this.eligibility = eligibility;
  }

  @PostMapping("/family-reunification")
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_juristes')")
  Verdict familyReunification(@Valid @RequestBody FamilyReunificationRequest request, Locale locale) {
    return eligibility.familyReunification(
        new FamilyReunificationFacts(request.sponsor(), request.applicant()), request.referenceDate(), locale);
  }

  @PostMapping("/nationality")
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_juristes')")
  Verdict nationality(@Valid @RequestBody NationalityRequest request, Locale locale) {
    return eligibility.nationality(new NationalityFacts(request.feePaidOn(), request.person()),
        request.referenceDate(), locale);
  }

  @PostMapping("/visa")
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_juristes')")
  Verdict visa(@Valid @RequestBody VisaRequest request, Locale locale) {
    return eligibility.visa(new VisaFacts(request.visaType(), request.purpose(), request.applicant(),
        request.sponsorKind()),
        request.referenceDate(), locale);
  }
}
