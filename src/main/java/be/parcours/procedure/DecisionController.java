package be.parcours.procedure;

import be.parcours.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/dossiers/{id}/decision}: an authority's decision moves the procedure on.
 * {@code notificationMethod} (default HAND) and, for a registered letter, {@code postedOn} give the
 * day the appeal period counts from; the response's {@code notifiedOn} is that day. 201 when the
 * procedure advanced, 200 when the same decision was already recorded (by the API or the Tasklist
 * task), 422 with a French message when the dossier waits for no decision or a date is implausible.
 */
@RestController
class DecisionController {

  private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2100, 12, 31);

  record DecisionRequest(@NotNull DecisionOutcome outcome, LocalDate notifiedOn, NotificationMethod notificationMethod,
      LocalDate postedOn) {}

  record DecisionRecorded(long dossierId, DecisionOutcome outcome, NotificationMethod notificationMethod,
      LocalDate notifiedOn, LocalDate postedOn, boolean advanced) {}

  private final DecisionService decisions;

  DecisionController(DecisionService decisions) {
    this.decisions = decisions;
  }

  @PostMapping("/api/dossiers/{id}/decision")
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_juristes')")
  ResponseEntity<DecisionRecorded> record(@PathVariable long id, @Valid @RequestBody DecisionRequest request,
      Principal principal) {
    inRange("notifiedOn", request.notifiedOn());
    inRange("postedOn", request.postedOn());
    if (request.notifiedOn() == null && request.notificationMethod() != NotificationMethod.REGISTERED_LETTER) {
      throw new InvalidInputException("notifiedOn", "notifiedOn: must not be null");
    }
    var recorded = decisions.record(id, new DecisionService.Decision(request.outcome(), request.notificationMethod(),
        request.notifiedOn(), request.postedOn()), principal.getName());
    return ResponseEntity.status(recorded.advanced() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(new DecisionRecorded(id, recorded.outcome(), recorded.notificationMethod(), recorded.notifiedOn(),
            recorded.postedOn(), recorded.advanced()));
  }

  private static void inRange(String field, LocalDate day) {
    if (day != null && (day.isBefore(FIRST) || day.isAfter(LAST))) {
      throw new InvalidInputException(field, field + ": must be between 1900-01-01 and 2100-12-31");
    }
  }
}
