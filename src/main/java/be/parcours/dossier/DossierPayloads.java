package be.parcours.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The beneficiary block of {@code POST /api/dossiers}. */
record BeneficiaryInput(
    @NotBlank @Size(max = 100) String firstName,
    @NotBlank @Size(max = 100) String lastName,
    @Past LocalDate birthDate,
    @Pattern(regexp = "[A-Za-z]{2,3}", message = "must be an ISO country code (BE, MAR, ...)") String nationality,
    @Size(max = 10) List<@Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO language code (fr, ar, ...)") String> languages,
    @Size(max = 40) @Pattern(regexp = "[+0-9 ./()-]*", message = "must be a phone number") String phone,
    @Email @Size(max = 200) String email) {}

/** Optional other family members of a dossier (beyond the contract's facts). */
record FamilyMemberInput(
    @Size(max = 100) String firstName,
    @Size(max = 100) String lastName,
    @Past LocalDate birthDate,
    @NotBlank @Size(max = 40) String relationship,
    @Pattern(regexp = "[A-Za-z]{2,3}") String nationality) {}

/** {@code POST /api/dossiers/{id}/interventions}. */
record InterventionRequest(
    @NotNull InterventionType type,
    @NotNull @PastOrPresent LocalDate date,
    @Min(0) @Max(1440) Integer minutes,
    @Size(max = 4000) String note) {}

record DossierCreated(long id, String reference, Procedure procedure, DossierStatus status, String processInstanceId) {}

record DossierSummary(long id, String reference, Procedure procedure, DossierStatus status, String beneficiary,
    LocalDate openedOn, String assignedTo) {}

record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {}

record BeneficiaryView(String firstName, String lastName, LocalDate birthDate, String nationality,
    List<String> languages, String phone, String email) {}

record PartyView(PartyRole role, String firstName, String lastName, LocalDate birthDate, String relationship,
    String nationality) {}

record EligibilityView(String outcome, String regime, String rulesVersion, LocalDate referenceDate,
    Instant evaluatedAt, JsonNode verdict) {}

record DocumentView(String code, DocumentStatus status, boolean legalised, boolean translated, LocalDate receivedOn,
    LocalDate validatedOn, LocalDate expiresOn, String checkedBy, String note) {}

record DeadlineView(String code, LocalDate dueOn, String legalBasis, DeadlineStatus status) {}

record TaskView(String id, String name, String candidateGroup, String assignee, Instant due) {}

record InterventionView(long id, InterventionType type, LocalDate date, Integer minutes, String note, String by) {}

record DossierView(long id, String reference, Procedure procedure, DossierStatus status, LocalDate openedOn,
    LocalDate closedOn, LocalDate referenceDate, String assignedTo, String processInstanceId,
    BeneficiaryView beneficiary, List<PartyView> parties, JsonNode facts, EligibilityView eligibility,
    List<DocumentView> documents, List<DeadlineView> deadlines, List<TaskView> openTasks,
    List<InterventionView> interventions) {}

/** {@code PUT /api/dossiers/{id}/documents/{code}}: what a caseworker records about a checklist document. */
record DocumentUpdateRequest(
    @NotNull DocumentStatus status,
    Boolean legalised,
    Boolean translated,
    LocalDate expiresOn,
    @Size(max = 1000) String note) {}
