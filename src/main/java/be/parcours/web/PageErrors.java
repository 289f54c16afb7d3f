package be.parcours.web;

import be.parcours.shared.ApiStatusException;
import be.parcours.shared.BusinessRuleException;
import be.parcours.shared.InvalidInputException;

/** The message of a refusal from a service, for a page: without the API's {@code field: } prefix. */
final class PageErrors {

  private PageErrors() {}

  static String message(RuntimeException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    String field = null;
    if (e instanceof InvalidInputException i) {
      field = i.field();
    } else if (e instanceof BusinessRuleException b) {
      field = b.field();
    } else if (e instanceof ApiStatusException a) {
      field = a.field();
    }
    if (field != null && m.startsWith(field + ": ")) {
      return m.substring(field.length() + 2);
    }
    int colon = m.indexOf(": ");
    if (colon > 0 && colon < 40 && m.substring(0, colon).matches("[A-Za-z0-9_.\\[\\]]+")) {
      return m.substring(colon + 2);
    }
    return m;
  }
}
