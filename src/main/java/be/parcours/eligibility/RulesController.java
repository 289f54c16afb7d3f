package be.parcours.eligibility;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Legal staff check and activate the rules directory; versions are listed newest first. */
@RestController
@RequestMapping("/api/rules")
class RulesController {

  record ScenarioCount(int passed, int failed) {}

  record Valid(boolean valid, ScenarioCount scenarios) {}

  record Invalid(boolean valid, List<RuleSetCompiler.RuleError> errors, List<Scenarios.Failure> failedScenarios) {}

  private final EligibilityService eligibility;

  RulesController(EligibilityService eligibility) {
    this.eligibility = eligibility;
  }

  @GetMapping("/versions")
  @PreAuthorize("hasAnyAuthority('GROUP_juristes', 'GROUP_superviseurs')")
  List<RulesVersionStore.VersionView> versions() {
    return eligibility.versions();
  }

  @PostMapping("/validate")
  @PreAuthorize("hasAuthority('GROUP_juristes')")
  ResponseEntity<?> validate(Principal principal) {
    var check = eligibility.check(principal.getName());
    if (!check.valid()) {
      return invalid(check);
    }
    return ResponseEntity.ok(new Valid(true, new ScenarioCount(check.scenarios().passed(), 0)));
  }

  @PostMapping("/reload")
  @PreAuthorize("hasAuthority('GROUP_juristes')")
  ResponseEntity<?> reload(Principal principal) {
    var check = eligibility.reload(principal.getName());
    if (!check.valid()) {
      return invalid(check);
    }
    return ResponseEntity.ok(Map.of("version", check.ruleSet().version()));
  }

  record ImpactResponse(boolean valid, String candidateVersion, String activeVersion, int examined,
      List<EligibilityService.ImpactedCase> affected) {}

  /** Dry run: the open dossiers whose outcome the rules directory would change, before activating it. */
  @PostMapping("/impact")
  @PreAuthorize("hasAuthority('GROUP_juristes')")
  ResponseEntity<?> impact(Principal principal) {
    var impact = eligibility.impact(principal.getName());
    if (!impact.check().valid()) {
      return invalid(impact.check());
    }
    return ResponseEntity.ok(new ImpactResponse(true, impact.check().ruleSet().version(), impact.activeVersion(),
        impact.examined(), impact.affected()));
  }

  private static ResponseEntity<Invalid> invalid(EligibilityService.Check check) {
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new Invalid(false, check.errors(),
        check.failedScenarios()));
  }
}
