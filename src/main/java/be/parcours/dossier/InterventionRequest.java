package be.parcours.dossier;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** {@code POST /api/dossiers/{id}/interventions}. */
public record InterventionRequest(
    @NotNull InterventionType type,
    @NotNull @PastOrPresent LocalDate date,
    @Min(0) @Max(1440) Integer minutes,
    @Size(max = 4000) String note) {}
