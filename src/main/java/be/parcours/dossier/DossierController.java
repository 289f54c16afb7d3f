package be.parcours.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dossiers API (see shared/contracts/api.md). */
@RestController
@RequestMapping("/api/dossiers")
@Validated
class DossierController {

  private final DossierService service;
  private final DossierRequestReader reader;

  DossierController(DossierService service, DossierRequestReader reader) {
    this.service = service;
    this.reader = reader;
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_accueil')")
  ResponseEntity<DossierCreated> open(@RequestBody JsonNode body, Principal principal) {
    DossierCreated created = service.open(reader.read(body), principal.getName());
    return ResponseEntity.created(URI.create("/api/dossiers/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_accueil', 'GROUP_juristes', 'GROUP_superviseurs')")
  DossierView get(@PathVariable long id, Principal principal) {
    return service.view(id, principal.getName());
  }

  @GetMapping
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_accueil', 'GROUP_juristes', 'GROUP_superviseurs')")
  PageView<DossierSummary> search(@RequestParam(required = false) String q,
      @RequestParam(required = false) Procedure procedure, @RequestParam(required = false) DossierStatus status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return service.search(q, procedure, status, page, size);
  }

  @PutMapping("/{id}/documents/{code}")
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_accueil', 'GROUP_juristes')")
  DocumentView updateDocument(@PathVariable long id,
      @PathVariable @Pattern(regexp = "[A-Z][A-Z0-9_]{1,59}", message = "must be a document code like PASSPORT") String code,
      @Valid @RequestBody DocumentUpdateRequest request, Principal principal) {
    return service.updateDocument(id, code, request, principal.getName());
  }

  @PostMapping("/{id}/interventions")
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_accueil', 'GROUP_juristes')")
  ResponseEntity<InterventionView> addIntervention(@PathVariable long id,
      @Valid @RequestBody InterventionRequest request, Principal principal) {
    InterventionView created = service.addIntervention(id, request, principal.getName());
    return ResponseEntity.created(URI.create("/api/dossiers/" + id + "/interventions/" + created.id())).body(created);
  }
}
