package be.parcours.dossier;

import be.parcours.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Refuses implausible dates with a clear message (French by default, Dutch or English by the
 * request's {@code Accept-Language}; bundle {@code i18n/dossier}): a date outside 1900–2100, a
 * birth date in the future, a document that expires before it was issued or issued in the future.
 */
@Component
class DateChecks {

  static final LocalDate MIN = LocalDate.of(1900, 1, 1);
  static final LocalDate MAX = LocalDate.of(2100, 12, 31);

  private final MessageSource messages;
  private final Clock clock;

  DateChecks(MessageSource messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  void inRange(String field, LocalDate date) {
    if (date != null && (date.isBefore(MIN) || date.isAfter(MAX))) {
      refuse(field, "dossier.date.outOfRange", date);
    }
  }

  void birthDate(String field, LocalDate date) {
    inRange(field, date);
    if (date != null && date.isAfter(LocalDate.now(clock))) {
      refuse(field, "dossier.date.birthInFuture", date);
    }
  }

  void document(String prefix, LocalDate issuedOn, LocalDate expiresOn) {
    inRange(prefix + "issuedOn", issuedOn);
    inRange(prefix + "expiresOn", expiresOn);
    if (issuedOn != null && issuedOn.isAfter(LocalDate.now(clock))) {
      refuse(prefix + "issuedOn", "dossier.date.issuedInFuture", issuedOn);
    }
    if (issuedOn != null && expiresOn != null && expiresOn.isBefore(issuedOn)) {
      refuse(prefix + "expiresOn", "dossier.date.expiresBeforeIssue", expiresOn, issuedOn);
    }
  }

  private void refuse(String field, String key, Object... args) {
    Object[] formatted = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      formatted[i] = args[i] instanceof LocalDate d ? Dates.display(d) : args[i];
    }
    String text = messages.getMessage(key, formatted, key, LocaleContextHolder.getLocale());
    throw new InvalidInputException(field, field + ": " + text);
  }

  /** dd/MM/yyyy, as users read dates. */
  static final class Dates {
    private static final java.time.format.DateTimeFormatter DISPLAY =
        java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static String display(LocalDate d) {
      return d.format(DISPLAY);
    }

    private Dates() {}
  }
}
