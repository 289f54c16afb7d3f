package be.parcours.eligibility;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/rules/parameters}: the legal values of the active rules in force today (or on
 * {@code on}), each with its basis, source and whether it is still to confirm, so legal staff see
 * at a glance what needs checking. Amounts the rules derive from an index-linked base amount
 * (income thresholds) are listed too, {@code derived: true}, with the base they come from.
 */
@RestController
class LegalParametersController {

  /**
   * One legal value. Beyond the contract: {@code label} (the row's name in its table),
   * {@code derived} and, for a derived amount, {@code base} / {@code baseAmount} / {@code percent}.
   */
  record ParameterView(String procedure, String code, String regime, String value, LocalDate validFrom,
      LocalDate validUntil, String legalBasis, String source, boolean toConfirm, String label, boolean derived,
      String base, String baseAmount, String percent) {}

  private final EligibilityService eligibility;
  private final Clock clock;

  LegalParametersController(EligibilityService eligibility, Clock clock) {
    this.eligibility = eligibility;
    this.clock = clock;
  }

  @GetMapping("/api/rules/parameters")
  @PreAuthorize("hasAnyAuthority('GROUP_juristes', 'GROUP_superviseurs')")
  @Operation(summary = "The legal values in force today, with their source and whether they are to confirm")
  List<ParameterView> parameters(@Parameter(description = "another day than today (yyyy-MM-dd)")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
    LocalDate day = on != null ? on : LocalDate.now(clock);
    return views(LegalValues.all(eligibility.activeRuleSet()), day);
  }

  static List<ParameterView> views(java.util.Map<String, List<LegalParameter>> byProcedure, LocalDate day) {
    List<ParameterView> result = new ArrayList<>();
    byProcedure.forEach((procedure, rows) -> {
      for (LegalParameter p : LegalValues.validOn(rows, day)) {
        result.add(new ParameterView(procedure, p.getCode(), p.getRegime(), p.getValue(), p.getValidFrom(),
            p.getValidUntil(), p.getLegalBasis(), p.getSource(), p.isToConfirm(), p.getLabel(), false, p.getBase(),
            null, p.isDerived() ? p.getValue() : null));
      }
      for (LegalValues.Derived d : LegalValues.derivedOn(rows, day)) {
        String code = d.percentage().getCode().replaceFirst("_PERCENT$", "");
        result.add(new ParameterView(procedure, code, d.percentage().getRegime(), d.amount().toPlainString(),
            d.validFrom(), d.validUntil(), d.percentage().getLegalBasis(), d.base().getSource(), d.toConfirm(),
            d.percentage().getValue() + " % × " + d.base().getCode() + " " + d.base().getValue() + " (" + d.percentage()
                .getLabel() + ")", true, d.base().getCode(), d.base().getValue(), d.percentage().getValue()));
      }
    });
    return result;
  }
}
