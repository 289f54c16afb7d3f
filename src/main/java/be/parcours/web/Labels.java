package be.parcours.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Labels of codes (procedures, statuses, deadlines, intervention types…) in the page's language,
 * from the workplace bundles; an unknown code (a new deadline kind) is shown readable, never raw.
 * Used from templates as {@code ${@labels.procedure(code)}}.
 */
@Component("labels")
public class Labels {

  private final MessageSource messages;

  Labels(MessageSource messages) {
    this.messages = messages;
  }

  public String procedure(Object code) {
    return label("procedure.", code);
  }

  public String status(Object code) {
    return label("status.", code);
  }

  public String deadline(Object code) {
    return label("deadline.code.", code);
  }

  public String deadlineStatus(Object code) {
    return label("deadline.status.", code);
  }

  public String intervention(Object code) {
    return label("intervention.type.", code);
  }

  public String documentStatus(Object code) {
    return label("document.status.", code);
  }

  public String outcome(Object code) {
    return label("outcome.", code);
  }

  public String party(Object code) {
    return label("party.role.", code);
  }

  public String sessionKind(Object code) {
    return label("session.kind.", code);
  }

  /** A fact's value: its label, or "non renseigné" when it is not known (empty). */
  public String fact(String prefix, Object code) {
    return code == null || code.toString().isBlank() ? label("facts.", "unknown") : label(prefix, code);
  }

  public String label(String prefix, Object code) {
    if (code == null) {
      return "";
    }
    String key = code instanceof Enum<?> e ? e.name() : code.toString();
    if (code instanceof be.parcours.dossier.Procedure p) {
      key = p.code();
    }
    Locale locale = WebConfig.supported(LocaleContextHolder.getLocale());
    String found = messages.getMessage(prefix + key, null, null, locale);
    return found != null ? found : readable(key);
  }

  /** {@code SOME_NEW_CODE} → "Some new code". */
  static String readable(String code) {
    String s = code.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT).strip();
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
