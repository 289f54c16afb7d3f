package be.parcours.dossier;

import be.parcours.eligibility.FamilyReunificationFacts;
import be.parcours.eligibility.NationalityFacts;
import be.parcours.eligibility.VisaFacts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/dossiers} as OpenAPI describes it (the request is read field by
 * field by {@link DossierRequestReader}): the envelope, then the procedure's facts — none at a
 * first contact, else all of them as in the eligibility request of that procedure.
 */
@Schema(name = "OpenDossierRequest")
record OpenDossierSchema(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"family-reunification", "visa",
        "nationality"}) String procedure,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BeneficiaryInput beneficiary,
    @Schema(description = "user id of the referent; default: the opening user") String referent,
    @Schema(description = "default: today") LocalDate referenceDate,
    List<FamilyMemberInput> familyMembers,
    @Schema(description = "family-reunification facts") FamilyReunificationFacts.Sponsor sponsor,
    @Schema(description = "family-reunification (relationship...) or visa (birthDate, nationality) applicant",
        oneOf = {FamilyReunificationFacts.Applicant.class, VisaFacts.Applicant.class}) Object applicant,
    @Schema(description = "nationality facts") NationalityFacts.Person person,
    @Schema(description = "nationality facts") LocalDate feePaidOn,
    @Schema(description = "visa facts") VisaFacts.VisaType visaType,
    @Schema(description = "visa facts") VisaFacts.Purpose purpose) {}
