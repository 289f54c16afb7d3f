package be.parcours.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a legal-parameter decision table: a value of the law (threshold, window, age...) for
 * a regime, valid from a date (until another), with its legal basis and source. Rows are inserted
 * by the decision tables in rules/; rules match the row valid on the case's reference date.
 */
public class LegalParameter {

  private String code;
  private String regime = "*";
  private LocalDate validFrom;
  private LocalDate validUntil;
  private String value;
  private String legalBasis;
  private String source;
  private boolean toConfirm;
  /** For a percentage: the code of the base amount it applies to (RIS_FAMILY_DEPENDENT, RMMMG). */
  private String base;
  /** The row's name in its table ("Seuil FR-2016 : 120 % du RIS famille à charge"). */
  private String label;
  /** The rule package of its table (be.parcours.rules.familyreunification...). */
  private String origin;

  public LegalParameter(String code) {
    this.code = code;
  }

  public boolean validOn(LocalDate day) {
    return day != null && !validFrom.isAfter(day) && (validUntil == null || !validUntil.isBefore(day));
  }

  public boolean appliesTo(String regimeCode) {
    return "*".equals(regime) || regime.equals(regimeCode);
  }

  public BigDecimal getAmount() {
    return new BigDecimal(value);
  }

  public int getNumber() {
    return Integer.parseInt(value);
  }

  /**
   * This row is a percentage of a base amount (an index-linked value): the amount it gives on the
   * base row, in cents rounded half up (120 % × 1 776,07 = 2 131,28).
   */
  public BigDecimal percentOf(LegalParameter baseAmount) {
    return baseAmount.getAmount().multiply(getAmount()).divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
  }

  public boolean isDerived() { return base != null && !base.isBlank(); }
  public String getBase() { return base; }
  public void setBase(String base) { this.base = base == null || base.isBlank() ? null : base.strip(); }
  public String getLabel() { return label; }
  public String getOrigin() { return origin; }

  /** Called by the decision tables with the rule (row) that inserts this parameter. */
  public void setRow(String packageName, String ruleName) {
    this.origin = packageName;
    this.label = ruleName;
  }

  public String getCode() { return code; }
  public String getRegime() { return regime; }
  public void setRegime(String regime) { this.regime = regime; }
  public LocalDate getValidFrom() { return validFrom; }
  public void setValidFrom(String validFrom) { this.validFrom = LocalDate.parse(validFrom); }
  public LocalDate getValidUntil() { return validUntil; }
  public void setValidUntil(String validUntil) { this.validUntil = LocalDate.parse(validUntil); }
  public String getValue() { return value; }
  public void setValue(String value) { this.value = value; }
  public String getLegalBasis() { return legalBasis; }
  public void setLegalBasis(String legalBasis) { this.legalBasis = legalBasis; }
  public String getSource() { return source; }
  public void setSource(String source) { this.source = source; }
  public boolean isToConfirm() { return toConfirm; }
  public void setToConfirm(String toConfirm) { this.toConfirm = "oui".equalsIgnoreCase(toConfirm) || "yes".equalsIgnoreCase(toConfirm); }
}
