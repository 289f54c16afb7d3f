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
