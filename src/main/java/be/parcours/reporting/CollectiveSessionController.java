package be.parcours.reporting;

import be.parcours.reporting.CollectiveSessionService.SessionView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sessions} and {@code GET /api/sessions?from=&to=}: collective sessions and their participants. */
@RestController
@RequestMapping("/api/sessions")
class CollectiveSessionController {

  record SessionRequest(
      @NotNull @PastOrPresent LocalDate date,
      @NotNull SessionKind kind,
      @NotNull @Min(1) @Max(10000) Integer participants,
      @Size(max = 1000) String note,
      @Size(max = 500) List<@NotNull Long> beneficiaryIds,
      @Size(max = 500) List<@NotNull Long> dossierIds) {}

  private final CollectiveSessionService sessions;

  CollectiveSessionController(CollectiveSessionService sessions) {
    this.sessions = sessions;
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_accueil')")
  ResponseEntity<SessionView> record(@Valid @RequestBody SessionRequest request, Principal principal) {
    SessionView created = sessions.record(request.date(), request.kind(), request.participants(), request.note(),
        request.beneficiaryIds(), request.dossierIds(), principal.getName());
    return ResponseEntity.created(URI.create("/api/sessions/" + created.id())).body(created);
  }

  @GetMapping
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_accueil', 'GROUP_superviseurs', 'GROUP_camunda-admin')")
  List<SessionView> list(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return sessions.list(new ReportPeriod(from, to));
  }
}
