package be.parcours.procedure;

import be.parcours.dossier.DossierService;
import be.parcours.eligibility.EligibilityService;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Law-change impact (dry run): before activating the rules directory, legal staff see which open
 * dossiers would get another outcome than the one stored on them. Nothing is changed.
 */
@RestController
class RulesImpactController {

  record Change(long dossierId, String reference, String procedure, String currentOutcome, String candidateOutcome) {}

  record Impact(String activeVersion, int dossiersChecked, List<Change> changes) {}

  private final EligibilityService eligibility;
  private final DossierService dossiers;

  RulesImpactController(EligibilityService eligibility, DossierService dossiers) {
    this.eligibility = eligibility;
    this.dossiers = dossiers;
  }

  @PostMapping("/api/rules/impact")
  @PreAuthorize("hasAuthority('GROUP_juristes')")
  ResponseEntity<?> impact(Principal principal) {
    var candidate = eligibility.check(principal.getName());
    if (!candidate.valid()) {
      return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("valid", false,
          "errors", candidate.errors(),
          "failedScenarios", candidate.failedScenarios()));
    }
    int checked = 0;
    List<Change> changes = new ArrayList<>();
    for (var dossier : dossiers.openDossiers()) {
      String current = dossiers.lastOutcome(dossier.dossierId());
      String next = eligibility.candidateOutcome(candidate, dossier.procedure().code(), dossier.factsJson(),
          dossier.referenceDate());
      if (current == null || next == null) {
        continue;
      }
      checked++;
      if (!current.equals(next)) {
        changes.add(new Change(dossier.dossierId(), dossier.reference(), dossier.procedure().code(), current, next));
      }
    }
    return ResponseEntity.ok(new Impact(eligibility.activeVersion(), checked, changes));
  }
}
