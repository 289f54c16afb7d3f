package be.parcours.supervision;

import be.parcours.dossier.Procedure;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervision API (contract: {@code GET /api/supervision/delays}); {@code /dashboard} feeds the
 * Cockpit plugin. Supervisors and Camunda administrators only, also when called with a Cockpit
 * session.
 */
@RestController
@RequestMapping("/api/supervision")
@PreAuthorize("hasAnyAuthority('GROUP_superviseurs','GROUP_camunda-admin')")
class SupervisionController {

  static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final SupervisionService service;
  private final AuthorityDelays authorityDelays;

  SupervisionController(SupervisionService service, AuthorityDelays authorityDelays) {
    this.service = service;
    this.authorityDelays = authorityDelays;
  }

  static final MediaType XLSX = MediaType.parseMediaType(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  /**
   * How long the authorities took against their legal period, per procedure, authority and year of
   * filing (median, 90th percentile, share decided late). JSON; {@code Accept: text/csv} or
   * {@code format=csv} for CSV, {@code format=xlsx} for Excel.
   */
  @io.swagger.v3.oas.annotations.Operation(summary = "How long the authorities took against their legal period, "
      + "per procedure, authority and year of filing (JSON, CSV or XLSX)")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", content = @io.swagger.v3.oas.annotations.media.Content(
      mediaType = "application/json", array = @io.swagger.v3.oas.annotations.media.ArraySchema(
          schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = AuthorityDelays.Line.class))))
  @GetMapping(value = "/authority-delays", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
  ResponseEntity<?> authorityDelays(@RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    List<AuthorityDelays.Line> lines = authorityDelays.lines();
    if ("xlsx".equals(format)) {
      return ResponseEntity.ok().contentType(XLSX)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"delais-des-autorites.xlsx\"")
          .body(AuthorityDelays.xlsx(lines));
    }
    if ("csv".equals(format) || wantsCsv(accept)) {
      return ResponseEntity.ok().contentType(TEXT_CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"delais-des-autorites.csv\"")
          .body(AuthorityDelays.csv(lines));
    }
    if (format != null && !format.equals("json")) {
      throw new be.parcours.shared.InvalidInputException("format", "format: json, csv or xlsx");
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(lines);
  }

  @GetMapping(value = "/delays", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  ResponseEntity<?> delays(@RequestParam(required = false) Procedure procedure,
      @RequestParam(defaultValue = "false") boolean overdueOnly,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    List<DelayView> delays = service.delays(procedure, overdueOnly);
    if (wantsCsv(accept)) {
      return ResponseEntity.ok().contentType(TEXT_CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"delais.csv\"")
          .body(DelaysCsv.write(delays));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(delays);
  }

  @GetMapping(value = "/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
  SupervisionDashboard dashboard() {
    return service.dashboard();
  }

  /** CSV only when asked for explicitly and preferred over JSON. */
  static boolean wantsCsv(String accept) {
    if (accept == null) {
      return false;
    }
    List<MediaType> types = MediaType.parseMediaTypes(accept);
    MediaType.sortBySpecificityAndQuality(types);
    for (MediaType t : types) {
      if (t.isCompatibleWith(MediaType.APPLICATION_JSON) && !t.isWildcardType()) {
        return false;
      }
      if (t.getType().equals("text") && t.getSubtype().equals("csv")) {
        return true;
      }
    }
    return false;
  }
}
