package be.parcours.dossier;

import be.parcours.eligibility.FamilyReunificationFacts;
import be.parcours.eligibility.NationalityFacts;
import be.parcours.eligibility.VisaFacts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * {@code PATCH /api/dossiers/{id}} (the schema of the body; it is read field by field): any subset
 * of the beneficiary, the procedure's facts as at opening (the verdict is evaluated again), the
 * reference date, the referent (a user id). Absent = unchanged.
 */
public record DossierPatchRequest(
    BeneficiaryPatch beneficiary,
    @Schema(oneOf = {FamilyReunificationFacts.class, NationalityFacts.class, VisaFacts.class},
        description = "the procedure's facts, whole (the eligibility request's shape without referenceDate)")
    Object facts,
    LocalDate referenceDate,
    @Schema(description = "user id of the new referent", example = "demo-caseworker-2") String referent) {}
