package be.parcours.eligibility;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An eligibility verdict, as the contract's eligibility responses give it. Beyond the contract:
 * {@code nearestPath}/{@code missing} (nationality, when no path is open), {@code feeToConfirm}
 * (the fee row in force is marked "à confirmer" by legal staff), {@code legalBasis} (family
 * reunification: the basis the sponsor's kind selects, art. 10, 40bis or 40ter).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verdict(String procedure, LocalDate referenceDate, String regime, String legalBasis, String outcome,
    List<FindingView> findings, List<String> requiredDocuments, String rulesVersion, List<String> paths,
    String nearestPath, List<String> missing, BigDecimal fee, Boolean feeToConfirm, Integer decisionDeadlineDays) {

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record FindingView(String criterion, String result, String message, String legalBasis,
      Map<String, Object> details) {}
}
