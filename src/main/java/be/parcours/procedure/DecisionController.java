package be.parcours.procedure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.security.Principal;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/dossiers/{id}/decision}: an authority's decision moves the procedure on. */
@RestController
class DecisionController {

  record DecisionRequest(@NotNull DecisionOutcome outcome, @NotNull @PastOrPresent LocalDate notifiedOn) {}

  record DecisionRecorded(long dossierId, DecisionOutcome outcome, LocalDate notifiedOn, boolean advanced) {}

  private final DecisionService decisions;

  DecisionController(DecisionService decisions) {
    this.decisions = decisions;
  }

  @PostMapping("/api/dossiers/{id}/decision")
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_juristes')")
  ResponseEntity<DecisionRecorded> record(@PathVariable long id, @Valid @RequestBody DecisionRequest request,
      Principal principal) {
    boolean advanced = decisions.record(id, request.outcome(), request.notifiedOn(), principal.getName());
    return ResponseEntity.status(advanced ? HttpStatus.CREATED : HttpStatus.OK)
        .body(new DecisionRecorded(id, request.outcome(), request.notifiedOn(), advanced));
  }
}
