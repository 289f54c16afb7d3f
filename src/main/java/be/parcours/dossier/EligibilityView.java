package be.parcours.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** The last verdict: its summary and the eligibility response it was (same shape as {@code POST /api/eligibility/...}). */
public record EligibilityView(String outcome, String regime, String rulesVersion, LocalDate referenceDate,
    Instant evaluatedAt,
    @Schema(type = "object", description = "the eligibility response (procedure, regime, outcome, findings, requiredDocuments, rulesVersion)")
    JsonNode verdict) {}
