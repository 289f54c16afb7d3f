package be.parcours.tasklist;

import be.parcours.shared.ProcessVariables;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates people type in task forms: {@code jj/mm/aaaa} (day first, always), read into a
 * {@link LocalDate} and checked for plausibility against what the dossier already knows. Plain
 * Java: no Spring, no Camunda.
 *
 * <p>What is implausible depends on the kind of date a field holds ({@link Kind}): an event that
 * happened (a filing, a reminder made) is neither in the future nor before the dossier was opened;
 * an appointment may be in the future but not before the dossier; a date to recall the person is
 * after today. A notification or a collection cannot come before the filing.
 */
public final class FormDates {

  /** What a date field records. */
  public enum Kind {
    /** Something done: not in the future, not before the dossier was opened. */
    DONE,
    /** A date planned or done (an appointment): not before the dossier was opened, at most two years ahead. */
    PLANNED,
    /** A date to come (recall the person on…): after today, at most five years ahead. */
    FUTURE,
    /** Something done after the application was filed (a notification, a passport collected). */
    AFTER_FILING
  }

  /** A field of a form holding a date: its key, the label the user reads and its kind. */
  public record Field(String key, String label, Kind kind) {}

  /** What the dossier knows that dates are checked against. */
  public record Known(LocalDate today, LocalDate openedOn, LocalDate filedOn) {}

  /** A date refused, with the French sentence the user reads. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern TYPED = Pattern.compile("\\s*(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})\\s*");
  private static final Pattern ISO = Pattern.compile("\\s*(\\d{4})-(\\d{2})-(\\d{2})(T.*)?\\s*");
  static final LocalDate MIN = LocalDate.of(1900, 1, 1);
  static final LocalDate MAX = LocalDate.of(2100, 12, 31);

  /** Keys whose value is the filing of the application (the notification and collection follow it). */
  static final List<String> FILING_KEYS = List.of(ProcessVariables.FILED_ON, ProcessVariables.DECLARED_ON);

  private FormDates() {}

  /** 01/12/2026 → 1 December 2026 (also 1/12/2026, 01.12.2026, and ISO 2026-12-01 from the API); empty → none. */
  public static Optional<LocalDate> read(String label, Object raw) {
    if (raw == null || raw.toString().isBlank()) {
      return Optional.empty();
    }
    if (raw instanceof LocalDate d) {
      return Optional.of(inRange(label, d));
    }
    if (raw instanceof java.util.Date d) {
      return Optional.of(inRange(label, d.toInstant().atZone(be.parcours.shared.TimeConfig.BRUSSELS).toLocalDate()));
    }
    String s = raw.toString();
    try {
      Matcher m = TYPED.matcher(s);
      if (m.matches()) {
        return Optional.of(inRange(label, LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(1)))));
      }
      m = ISO.matcher(s);
      if (m.matches()) {
        return Optional.of(inRange(label, LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)))));
      }
    } catch (DateTimeException e) {
      // an impossible day (31/02/2026): refused below
    }
    throw new Refused(label + " : « " + s.strip() + " » n'est pas une date. Écrivez-la jj/mm/aaaa, par exemple "
        + "01/12/2026 pour le 1er décembre 2026.");
  }

  private static LocalDate inRange(String label, LocalDate d) {
    if (d.isBefore(MIN) || d.isAfter(MAX)) {
      throw new Refused(label + " : le " + d.format(FRENCH) + " n'est pas une date plausible (entre 1900 et 2100).");
    }
    return d;
  }

  /** Checks one date of a form; returns it, or throws {@link Refused} with the reason in French. */
  public static LocalDate check(Field field, LocalDate date, Known known) {
    String label = field.label();
    String day = date.format(FRENCH);
    LocalDate today = known.today();
    switch (field.kind()) {
      case DONE, AFTER_FILING -> {
        if (date.isAfter(today)) {
          throw new Refused(label + " : le " + day + " est dans le futur. Indiquez la date à laquelle c'est "
              + "réellement arrivé (au plus tard aujourd'hui, " + today.format(FRENCH) + ").");
        }
      }
      case PLANNED -> {
        if (date.isAfter(today.plusYears(2))) {
          throw new Refused(label + " : le " + day + " est à plus de deux ans. Vérifiez l'année.");
        }
      }
      case FUTURE -> {
        if (!date.isAfter(today)) {
          throw new Refused(label + " : le " + day + " n'est pas dans le futur (aujourd'hui : " + today.format(FRENCH)
              + ").");
        }
        if (date.isAfter(today.plusYears(5))) {
          throw new Refused(label + " : le " + day + " est à plus de cinq ans. Vérifiez l'année.");
        }
      }
    }
    if (known.openedOn() != null && date.isBefore(known.openedOn()) && field.kind() != Kind.FUTURE) {
      throw new Refused(label + " : le " + day + " est antérieur à l'ouverture du dossier (le "
          + known.openedOn().format(FRENCH) + "). Vérifiez le jour, le mois et l'année (jj/mm/aaaa).");
    }
    if (field.kind() == Kind.AFTER_FILING && known.filedOn() != null && date.isBefore(known.filedOn())) {
      throw new Refused(label + " : le " + day + " est antérieur à l'introduction de la demande (le "
          + known.filedOn().format(FRENCH) + ").");
    }
    return date;
  }

  /** The kind of a field by its key, when the form does not say. */
  public static Kind kindOf(String key) {
    return switch (key) {
      case "appointmentOn" -> Kind.PLANNED;
      case "recallOn" -> Kind.FUTURE;
      case "notifiedOn", "decisionNotifiedOn", "decisionPostedOn", "visaCollectedOn", "passportReturnedOn",
          "moreDocumentsSentOn" -> Kind.AFTER_FILING;
      default -> Kind.DONE;
    };
  }

  /**
   * Reads and checks every date field of a submitted form: the values as ISO dates (yyyy-mm-dd) by key,
   * or {@link Refused} naming every wrong field. The filing date of this same form counts for the others.
   */
  public static Map<String, LocalDate> checkAll(List<Field> fields, Map<String, Object> values, Known known) {
    Map<String, LocalDate> read = new java.util.LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Field f : fields) {
      try {
        read(f.label(), values.get(f.key())).ifPresent(d -> read.put(f.key(), d));
      } catch (Refused e) {
        problems.add(e.getMessage());
      }
    }
    LocalDate filedOn = known.filedOn();
    for (String k : FILING_KEYS) {
      if (read.containsKey(k)) {
        filedOn = read.get(k);
      }
    }
    Known withFiling = new Known(known.today(), known.openedOn(), filedOn);
    for (Field f : fields) {
      if (read.containsKey(f.key())) {
        try {
          check(f, read.get(f.key()), withFiling);
        } catch (Refused e) {
          problems.add(e.getMessage());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new Refused(String.join(" ", problems));
    }
    return read;
  }
}
