package be.parcours.dossier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Optional other family members of a dossier (beyond the contract's facts). */
public record FamilyMemberInput(
    @Size(max = 100) String firstName,
    @Size(max = 100) String lastName,
    @Past LocalDate birthDate,
    @NotBlank @Size(max = 40) String relationship,
    @Pattern(regexp = "[A-Za-z]{2,3}") String nationality) {}
