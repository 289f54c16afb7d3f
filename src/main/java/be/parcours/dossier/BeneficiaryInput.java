package be.parcours.dossier;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The beneficiary block of {@code POST /api/dossiers}. */
public record BeneficiaryInput(
    @NotBlank @Size(max = 100) String firstName,
    @NotBlank @Size(max = 100) String lastName,
    @Past LocalDate birthDate,
    @Pattern(regexp = "[A-Za-z]{2,3}", message = "must be an ISO country code (BE, MAR, ...)") String nationality,
    @Size(max = 10) List<@Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO language code (fr, ar, ...)") String> languages,
    @Size(max = 40) @Pattern(regexp = "[+0-9 ./()-]*", message = "must be a phone number") String phone,
    @Email @Size(max = 200) String email) {}
