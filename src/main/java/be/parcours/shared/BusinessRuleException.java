package be.parcours.shared;

/** Well-formed input refused by a business rule: 422. */
public class BusinessRuleException extends RuntimeException {

  private final String field;

  public BusinessRuleException(String message) {
    this(null, message);
  }

  public BusinessRuleException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
