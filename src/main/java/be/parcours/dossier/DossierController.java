package be.parcours.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dossiers API (see shared/contracts/api.md). Who sees what: {@link AccessPolicy}. */
@RestController
@RequestMapping("/api/dossiers")
@Validated
class DossierController {

  static final String STAFF = "hasAnyAuthority('GROUP_service-social', 'GROUP_accueil', 'GROUP_juristes', "
      + "'GROUP_superviseurs')";
  static final String CODE = "[A-Z][A-Z0-9_]{1,59}";

  /** {@code POST /api/dossiers/{id}/access-requests}. */
  record AccessRequest(@NotBlank @Size(min = 5, max = 1000) String reason) {}

  private final DossierOpening opening;
  private final DossierSearch search;
  private final DossierReading reading;
  private final DossierCorrection correction;
  private final DossierDocuments documents;
  private final DossierInterventions interventions;
  private final DossierAccess access;
  private final DossierRequestReader reader;

  DossierController(DossierOpening opening, DossierSearch search, DossierReading reading,
      DossierCorrection correction, DossierDocuments documents, DossierInterventions interventions,
      DossierAccess access, DossierRequestReader reader) {
    this.opening = opening;
    this.search = search;
    this.reading = reading;
    this.correction = correction;
    this.documents = documents;
    this.interventions = interventions;
    this.access = access;
    this.reader = reader;
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_accueil')")
  @Operation(summary = "Open a dossier (facts optional: unknown until intake); the opening user is the referent "
      + "unless 'referent' is given", responses = {@ApiResponse(responseCode = "201"),
          @ApiResponse(responseCode = "400"), @ApiResponse(responseCode = "422")})
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(
      implementation = OpenDossierSchema.class)))
  ResponseEntity<DossierCreated> open(@RequestBody JsonNode body, Authentication auth) {
    DossierCreated created = opening.open(reader.read(body), auth.getName());
    return ResponseEntity.created(URI.create("/api/dossiers/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  @PreAuthorize(STAFF)
  @Operation(summary = "The dossier as the caller may see it (reception: identity, contact, appointments, its "
      + "tasks)", responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403",
          description = "ACCESS_RESTRICTED: ask for an exceptional access"), @ApiResponse(responseCode = "404")})
  DossierView get(@PathVariable long id, Authentication auth) {
    return reading.view(id, Viewers.of(auth));
  }

  @GetMapping
  @PreAuthorize(STAFF)
  @Operation(summary = "Search by name or reference, ignoring case, accents and word order; cards for dossiers "
      + "the caller does not follow")
  PageView<DossierSummary> search(@RequestParam(required = false) @Size(max = 200) String q,
      @RequestParam(required = false) Procedure procedure, @RequestParam(required = false) DossierStatus status,
      @RequestParam(defaultValue = "0") @Min(0) @Max(50_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Authentication auth) {
    return search.search(q, procedure, status, page, size, Viewers.of(auth));
  }

  @GetMapping("/duplicates")
  @PreAuthorize(STAFF)
  @Operation(summary = "People already known with the same identity (names as the search matches them, birth "
      + "date exact)")
  List<DuplicateView> duplicates(@RequestParam @NotBlank @Size(max = 100) String firstName,
      @RequestParam @NotBlank @Size(max = 100) String lastName,
      @RequestParam(required = false) LocalDate birthDate, Authentication auth) {
    return search.duplicates(firstName, lastName, birthDate, Viewers.of(auth));
  }

  @PatchMapping("/{id}")
  @PreAuthorize(STAFF)
  @Operation(summary = "Correct the beneficiary (any subset; reception too), the facts (verdict evaluated again), "
      + "the reference date, the referent; audited with old and new values", responses = {
          @ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400"), @ApiResponse(responseCode = "403"),
          @ApiResponse(responseCode = "404"), @ApiResponse(responseCode = "409"), @ApiResponse(responseCode = "422")})
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(
      implementation = DossierPatchRequest.class)))
  DossierView patch(@PathVariable long id, @RequestBody JsonNode body, Authentication auth) {
    return correction.correct(id, body, Viewers.of(auth));
  }

  @GetMapping("/{id}/history")
  @PreAuthorize(STAFF)
  @Operation(summary = "Who changed what, when (newest first); full access needed")
  List<ChangeView> history(@PathVariable long id, Authentication auth) {
    return reading.history(id, Viewers.of(auth));
  }

  @GetMapping("/{id}/access-log")
  @PreAuthorize(STAFF)
  @Operation(summary = "Every access to the dossier, newest first: supervisors and the dossier's referent",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403"),
          @ApiResponse(responseCode = "404")})
  List<AccessLogView> accessLog(@PathVariable long id, Authentication auth) {
    return reading.accessLog(id, Viewers.of(auth));
  }

  @PostMapping("/{id}/access-requests")
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_juristes')")
  @Operation(summary = "Exceptional access with a reason: granted at once for parcours.access.exceptional-hours, "
      + "logged and shown to the referent", responses = {@ApiResponse(responseCode = "201"),
          @ApiResponse(responseCode = "400"), @ApiResponse(responseCode = "404")})
  ResponseEntity<DossierAccess.ExceptionalAccess> requestAccess(@PathVariable long id,
      @Valid @RequestBody AccessRequest request, Authentication auth) {
    var granted = access.requestExceptionalAccess(id, request.reason(), Viewers.of(auth));
    return ResponseEntity.created(URI.create("/api/dossiers/" + id)).body(granted);
  }

  @PutMapping("/{id}/documents/{code}")
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_accueil', 'GROUP_juristes', 'GROUP_superviseurs')")
  @Operation(summary = "Record a checklist document (code from GET /api/documents/catalogue, else 422)",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400"),
          @ApiResponse(responseCode = "403"), @ApiResponse(responseCode = "404"), @ApiResponse(responseCode = "422")})
  DocumentView updateDocument(@PathVariable long id,
      @PathVariable @Pattern(regexp = CODE, message = "must be a document code like PASSPORT") String code,
      @Valid @RequestBody DocumentUpdateRequest request, Authentication auth) {
    return documents.update(id, code, request, Viewers.of(auth));
  }

  @PostMapping("/{id}/interventions")
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_accueil', 'GROUP_juristes')")
  ResponseEntity<InterventionView> addIntervention(@PathVariable long id,
      @Valid @RequestBody InterventionRequest request, Authentication auth) {
    InterventionView created = interventions.add(id, request, Viewers.of(auth));
    return ResponseEntity.created(URI.create("/api/dossiers/" + id + "/interventions/" + created.id())).body(created);
  }
}
