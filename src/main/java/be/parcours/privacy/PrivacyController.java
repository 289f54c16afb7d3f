package be.parcours.privacy;

import be.parcours.dossier.Viewers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** GDPR duties over the API: the subject access export and the retention's dry run (docs/privacy.md). */
@RestController
class PrivacyController {

  /** {@code GET /api/privacy/retention}: the setting and what the next run would anonymise. */
  record RetentionOverview(int closedYears, boolean enabled, boolean durationToConfirm, LocalDate on,
      List<RetentionService.Candidate> candidates) {}

  private final SubjectAccessExport export;
  private final RetentionService retention;

  PrivacyController(SubjectAccessExport export, RetentionService retention) {
    this.export = export;
    this.retention = retention;
  }

  @GetMapping("/api/dossiers/{id}/export")
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_juristes', 'GROUP_superviseurs')")
  @Operation(summary = "Everything recorded about the person of this dossier (GDPR art. 15): identity, each of "
      + "their dossiers in full (facts, verdicts and rules versions, documents, file metadata, interventions, "
      + "decisions, deadlines, history, access log); supervisors and the dossier's referent; logged as EXPORT",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403",
          description = "neither a supervisor nor the dossier's referent"), @ApiResponse(responseCode = "404")})
  ResponseEntity<PersonExport> export(@PathVariable long id, Authentication auth) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate())
        .body(export.export(id, Viewers.of(auth)));
  }

  @GetMapping("/api/privacy/retention")
  @PreAuthorize("hasAnyAuthority('GROUP_superviseurs', 'GROUP_camunda-admin')")
  @Operation(summary = "Retention dry run: the closed dossiers the next run anonymises (reference, closing day), "
      + "the retention in years and whether the run anonymises or only lists")
  RetentionOverview retention() {
    return new RetentionOverview(retention.closedYears(), retention.enabled(), retention.durationToConfirm(),
        retention.today(),
        retention.candidates());
  }
}
