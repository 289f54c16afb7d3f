package be.parcours.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/alerts?within=90}: the caller's dossiers with a legal risk coming within so many days. */
@RestController
@Validated
class AlertController {

  private final AlertService alerts;

  AlertController(AlertService alerts) {
    this.alerts = alerts;
  }

  @GetMapping("/api/alerts")
  @PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_juristes', 'GROUP_superviseurs', 'GROUP_accueil')")
  @Operation(summary = "Legal-risk alerts of the caller's dossiers, soonest first (reception: none, it never sees facts)")
  List<Alert> alerts(@Parameter(description = "days ahead (1 to 730; default from rules/alerts, 90)")
      @RequestParam(required = false) @Min(1) @Max(730) Integer within, Authentication auth, Locale locale) {
    Set<String> groups = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("GROUP_")).map(a -> a.substring("GROUP_".length())).collect(Collectors.toSet());
    return alerts.alertsFor(auth.getName(), groups, within != null ? within : alerts.defaultWithinDays(), locale);
  }
}
