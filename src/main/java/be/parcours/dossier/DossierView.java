package be.parcours.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/dossiers/{id}}. With {@code access: RECEPTION} the facts, verdict, documents,
 * deadlines, parties and intervention notes are absent and only reception's tasks are listed.
 */
public record DossierView(long id, String reference, Procedure procedure, DossierStatus status, LocalDate openedOn,
    LocalDate closedOn, LocalDate referenceDate, String assignedTo, String processInstanceId,
    BeneficiaryView beneficiary, List<PartyView> parties,
    @Schema(type = "object", description = "the procedure's facts (the eligibility request without referenceDate); absent until known")
    JsonNode facts,
    EligibilityView eligibility,
    List<DocumentView> documents, List<DeadlineView> deadlines, List<TaskView> openTasks,
    List<InterventionView> interventions, String referent, AccessLevel access,
    List<DossierAccess.ExceptionalAccess> exceptionalAccesses) {}
