package be.parcours.eligibility;

import be.parcours.shared.ApiError;
import be.parcours.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The rules API: the versions stored in the database, the active set's files, proposals checked
 * when proposed and approved by another jurist (at once or on a date), roll back, differences,
 * the nodes and the audit. The scripts' validate / impact / reload of the rules folder stay.
 */
@RestController
@RequestMapping("/api/rules")
class RulesController {

  private static final String READERS = "hasAnyAuthority('GROUP_juristes', 'GROUP_superviseurs')";
  private static final String JURISTS = "hasAuthority('GROUP_juristes')";

  record ScenarioCount(int passed, int failed) {}

  /** {@code source}: the folder that was read (the validate of scripts reads the rules folder). */
  record Valid(boolean valid, ScenarioCount scenarios, String source) {}

  record Invalid(boolean valid, List<RuleSetCompiler.RuleError> errors, List<Scenarios.Failure> failedScenarios,
      String source) {}

  record ApproveRequest(@Schema(description = "jour d'activation (00:00 Bruxelles); absent = tout de suite")
      LocalDate activateOn) {}

  record RejectRequest(String reason) {}

  record FileEntry(String path, int size, String href) {}

  /** The multipart body of a proposal: pairs of {@code path} then {@code file}, or one {@code zip}. */
  record ProposalUpload(String path, @Schema(format = "binary") MultipartFile file,
      @Schema(format = "binary") MultipartFile zip, String note) {}

  private final EligibilityService eligibility;
  private final RulesWorkbench workbench;

  RulesController(EligibilityService eligibility, RulesWorkbench workbench) {
    this.eligibility = eligibility;
    this.workbench = workbench;
  }

  @GetMapping("/versions")
  @PreAuthorize(READERS)
  List<RulesVersionStore.VersionView> versions() {
    return workbench.versions();
  }

  @PostMapping("/validate")
  @PreAuthorize(JURISTS)
  ResponseEntity<?> validate(Principal principal) {
    var check = eligibility.check(principal.getName());
    if (!check.valid()) {
      return invalid(check);
    }
    return ResponseEntity.ok(new Valid(true, new ScenarioCount(check.scenarios().passed(), 0), check.files().origin()));
  }

  /** Four eyes for scripts too: a first jurist's reload proposes (202), another's approves it (200). */
  @PostMapping("/reload")
  @PreAuthorize(JURISTS)
  ResponseEntity<?> reload(Principal principal) {
    var check = eligibility.check(principal.getName());
    if (!check.valid()) {
      return invalid(check);
    }
    var outcome = workbench.reload(principal.getName(), check);
    return ResponseEntity.status("PENDING".equals(outcome.status()) ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .body(outcome);
  }

  record ImpactResponse(boolean valid, String candidateVersion, String activeVersion, int examined,
      List<EligibilityService.ImpactedCase> affected) {}

  /** Dry run: the open dossiers whose outcome the rules directory would change, before activating it. */
  @PostMapping("/impact")
  @PreAuthorize(JURISTS)
  ResponseEntity<?> impact(Principal principal) {
    var impact = eligibility.impact(principal.getName());
    if (!impact.check().valid()) {
      return invalid(impact.check());
    }
    return ResponseEntity.ok(new ImpactResponse(true, impact.check().ruleSet().version(), impact.activeVersion(),
        impact.examined(), impact.affected()));
  }

  /** The rules folder proposed as the next version (approved by another jurist). */
  @PostMapping("/import")
  @PreAuthorize(JURISTS)
  ResponseEntity<RulesWorkbench.ProposalView> importSeed(Principal principal) {
    return ResponseEntity.status(HttpStatus.CREATED).body(workbench.importSeed(principal.getName()));
  }

  @PostMapping(path = "/proposals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(JURISTS)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = ProposalUpload.class)))
  ResponseEntity<RulesWorkbench.ProposalView> propose(HttpServletRequest request, Principal principal)
      throws IOException, jakarta.servlet.ServletException {
    List<RulesWorkbench.Upload> uploads = new ArrayList<>();
    byte[] zip = null;
    String pendingPath = null;
    String note = null;
    for (Part part : request.getParts()) {
      switch (part.getName()) {
        case "path" -> pendingPath = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        case "note" -> note = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        case "file" -> {
          if (pendingPath == null || pendingPath.isEmpty()) {
            throw new InvalidInputException("path", "path: chaque partie file suit une partie path (son chemin dans "
                + "l'ensemble, par ex. family-reunification/legal-parameters.drl.csv)");
          }
          uploads.add(new RulesWorkbench.Upload(pendingPath, part.getInputStream().readAllBytes()));
          pendingPath = null;
        }
        case "zip" -> zip = part.getInputStream().readAllBytes();
        default -> {
          // unknown parts are ignored
        }
      }
    }
    if (zip != null && !uploads.isEmpty()) {
      throw new InvalidInputException("zip", "zip: envoyez soit un zip, soit des fichiers, pas les deux");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(workbench.propose(principal.getName(), uploads, zip, note));
  }

  @GetMapping("/proposals")
  @PreAuthorize(READERS)
  List<RulesWorkbench.ProposalView> proposals(@RequestParam(required = false) String status) {
    return workbench.proposals().stream().filter(p -> status == null || p.status().equals(status)).toList();
  }

  @GetMapping("/proposals/{id}")
  @PreAuthorize(READERS)
  RulesWorkbench.ProposalView proposal(@PathVariable long id) {
    return workbench.proposal(id);
  }

  @PostMapping("/proposals/{id}/approve")
  @PreAuthorize(JURISTS)
  RulesWorkbench.ProposalView approve(@PathVariable long id, @RequestBody(required = false) ApproveRequest body,
      Principal principal) {
    return workbench.approve(id, principal.getName(), body == null ? null : body.activateOn());
  }

  @PostMapping("/proposals/{id}/reject")
  @PreAuthorize(JURISTS)
  RulesWorkbench.ProposalView reject(@PathVariable long id, @RequestBody RejectRequest body, Principal principal) {
    return workbench.reject(id, principal.getName(), body.reason());
  }

  /** Roll back: proposes an earlier version again; another jurist approves it like any proposal. */
  @PostMapping("/versions/{version}/reactivate")
  @PreAuthorize(JURISTS)
  ResponseEntity<RulesWorkbench.ProposalView> reactivate(@PathVariable String version, Principal principal) {
    return ResponseEntity.status(HttpStatus.CREATED).body(workbench.reactivate(principal.getName(), version));
  }

  @GetMapping("/versions/{a}/diff/{b}")
  @PreAuthorize(READERS)
  RulesWorkbench.Diff diff(@PathVariable String a, @PathVariable String b) {
    return workbench.diff(a, b);
  }

  /** The active set: the list of its files, or the whole set as a zip ({@code Accept: application/zip} or {@code ?zip=true}). */
  @GetMapping("/active/files")
  @PreAuthorize(READERS)
  ResponseEntity<?> activeFiles(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      @RequestParam(defaultValue = "false") boolean zip) {
    var files = workbench.activeFiles();
    if (zip || (accept != null && accept.contains("application/zip"))) {
      String name = "regles-" + workbench.activeVersion().replaceAll("[^0-9A-Za-z#-]", "").replace('#', '-') + ".zip";
      return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
          .body(workbench.zip(files));
    }
    return ResponseEntity.ok(files.entrySet().stream().map(e -> new FileEntry(e.getKey(),
        e.getValue().getBytes(StandardCharsets.UTF_8).length, "/api/rules/active/files/" + e.getKey())).toList());
  }

  @GetMapping("/active/files/{*path}")
  @PreAuthorize(READERS)
  ResponseEntity<byte[]> activeFile(@PathVariable String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    String text = workbench.activeFile(p);
    MediaType type = p.endsWith(".csv") ? MediaType.parseMediaType("text/csv;charset=UTF-8")
        : MediaType.parseMediaType("text/plain;charset=UTF-8");
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(p.substring(p.lastIndexOf('/') + 1), StandardCharsets.UTF_8).build().toString())
        .body(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Each node: the version it serves and the one it could not compile (an incident). */
  @GetMapping("/nodes")
  @PreAuthorize(READERS)
  List<RulesWorkbench.NodeView> nodes() {
    return workbench.nodes();
  }

  @GetMapping("/audit")
  @PreAuthorize(READERS)
  List<RulesVersionStore.AuditRow> audit() {
    return workbench.audit();
  }

  @ExceptionHandler(RulesWorkbench.FourEyesException.class)
  ResponseEntity<ApiError> fourEyes(RulesWorkbench.FourEyesException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError("FOUR_EYES", e.getMessage(), null));
  }

  private static ResponseEntity<Invalid> invalid(EligibilityService.Check check) {
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new Invalid(false, check.errors(),
        check.failedScenarios(), check.files().origin()));
  }
}
