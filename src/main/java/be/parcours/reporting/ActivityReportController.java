package be.parcours.reporting;

import be.parcours.reporting.ReportTable.Audience;
import be.parcours.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/activity?from=&to=}: the period's figures beside the previous period's,
 * as JSON (default), CSV or XLSX ({@code format=} or the {@code Accept} header). {@code audience=funder}
 * masks small groups; it is the default of the CSV and XLSX exports, which are meant to leave the
 * organisation ({@code audience=internal} gives the exact figures to supervisors).
 */
@RestController
class ActivityReportController {

  static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ReportingService service;

  ActivityReportController(ReportingService service) {
    this.service = service;
  }

  @GetMapping("/api/reports/activity")
  @PreAuthorize("hasAnyAuthority('GROUP_superviseurs', 'GROUP_camunda-admin')")
  @Operation(summary = "Activity report of a period beside the previous period (JSON, CSV or XLSX)")
  ResponseEntity<?> activity(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @Parameter(description = "json | csv | xlsx (else from the Accept header; default json)")
      @RequestParam(required = false) String format,
      @Parameter(description = "internal (exact figures) | funder (groups under 5 shown as \"< 5\", no caseworkers);"
          + " default: internal for JSON, funder for CSV and XLSX")
      @RequestParam(required = false) String audience,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    ReportPeriod period = new ReportPeriod(from, to);
    String chosen = format(format, accept);
    Audience who = audience(audience, chosen);
    ReportTable table = new ReportTable(service.activity(period), who);
    String fileName = "activite-" + period.from() + "-" + period.to() + (who == Audience.FUNDER ? "-financeurs" : "");
    return switch (chosen) {
      case "csv" -> ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
          ContentDisposition.attachment().filename(fileName + ".csv").build().toString()).body(table.csv());
      case "xlsx" -> ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
          ContentDisposition.attachment().filename(fileName + ".xlsx").build().toString()).body(table.xlsx());
      default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table.json());
    };
  }

  static String format(String format, String accept) {
    if (format != null && !format.isBlank()) {
      String f = format.strip().toLowerCase(Locale.ROOT);
      if (!f.equals("json") && !f.equals("csv") && !f.equals("xlsx")) {
        throw new InvalidInputException("format", "format: invalid value '" + format + "' (expected json, csv or xlsx)");
      }
      return f;
    }
    if (accept != null) {
      String a = accept.toLowerCase(Locale.ROOT);
      if (a.contains("text/csv")) {
        return "csv";
      }
      if (a.contains("spreadsheetml")) {
        return "xlsx";
      }
    }
    return "json";
  }

  static Audience audience(String audience, String format) {
    if (audience == null || audience.isBlank()) {
      return format.equals("json") ? Audience.INTERNAL : Audience.FUNDER;
    }
    return switch (audience.strip().toLowerCase(Locale.ROOT)) {
      case "internal" -> Audience.INTERNAL;
      case "funder" -> Audience.FUNDER;
      default -> throw new InvalidInputException("audience",
          "audience: invalid value '" + audience + "' (expected internal or funder)");
    };
  }
}
