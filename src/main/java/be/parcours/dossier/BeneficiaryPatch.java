package be.parcours.dossier;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** {@code PATCH /api/dossiers/{id}}: any subset of the beneficiary's fields (absent or null = unchanged). */
public record BeneficiaryPatch(
    @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String firstName,
    @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String lastName,
    @Past LocalDate birthDate,
    @Pattern(regexp = "[A-Za-z]{2,3}", message = "must be an ISO country code (BE, MAR, ...)") String nationality,
    @Size(max = 10) List<@Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO language code (fr, ar, ...)") String> languages,
    @Size(max = 40) @Pattern(regexp = "[+0-9 ./()-]*", message = "must be a phone number") String phone,
    @Email @Size(max = 200) String email) {}
