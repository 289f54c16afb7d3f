package be.parcours.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;
import be.parcours.shared.TimeConfig;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the workplace writes and reads dates and amounts: every date as {@code jj/mm/aaaa}
 * (Brussels time; {@code 01/12/2026} is the 1st of December), amounts the Belgian way of the
 * page's language ({@code 1 900,00 €}). Used from templates as {@code ${@fmt.date(d)}}.
 */
@Component("fmt")
public class Formats {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");
  private static final Pattern DATE_INPUT = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  public String date(TemporalAccessor value) {
    if (value == null) {
      return "";
    }
    if (value instanceof OffsetDateTime o) {
      value = o.atZoneSameInstant(TimeConfig.BRUSSELS);
    }
    if (value instanceof java.time.Instant i) {
      value = i.atZone(TimeConfig.BRUSSELS);
    }
    return DATE.format(value);
  }

  public String dateTime(Object value) {
    if (value == null) {
      return "";
    }
    ZonedDateTime z = null;
    if (value instanceof java.time.Instant i) {
      z = i.atZone(TimeConfig.BRUSSELS);
    } else if (value instanceof OffsetDateTime o) {
      z = o.atZoneSameInstant(TimeConfig.BRUSSELS);
    } else if (value instanceof ZonedDateTime zz) {
      z = zz.withZoneSameInstant(TimeConfig.BRUSSELS);
    } else if (value instanceof LocalDateTime l) {
      z = l.atZone(TimeConfig.BRUSSELS);
    } else if (value instanceof java.sql.Timestamp t) {
      z = t.toInstant().atZone(TimeConfig.BRUSSELS);
    }
    return z == null ? value.toString() : DATE_TIME.format(z);
  }

  /** {@code 1 900,00 €} in French, {@code € 1.900,00} in Dutch, the Belgian formats of each language. */
  public String money(Number amount) {
    if (amount == null) {
      return "";
    }
    Locale lang = WebConfig.supported(LocaleContextHolder.getLocale());
    if ("en".equals(lang.getLanguage())) {
      // as the rules' messages write it in English (LegalFormats): €2,400.50, not the CLDR en-BE 2.400,50 €
      return be.parcours.eligibility.LegalFormats.amount(amount instanceof BigDecimal b ? b
          : new BigDecimal(amount.toString()), Locale.ENGLISH);
    }
    NumberFormat nf = NumberFormat.getCurrencyInstance(new Locale(lang.getLanguage(), "BE"));
    nf.setCurrency(java.util.Currency.getInstance("EUR"));
    return nf.format(amount instanceof BigDecimal b ? b : new BigDecimal(amount.toString()));
  }

  /** A raw amount: not the end of one already grouped by thousands ("2 000,00 €" is left as it is). */
  private static final Pattern AMOUNT =
      Pattern.compile("(?<![\\d.,])(?<!\\d[ \\u00A0\\u202F])(\\d{1,9})(?:[.,](\\d{1,2}))?\\s?€");

  /** Amounts written by the rules ("2323.08 €") in the page's format ("2 323,08 €"); formatted ones kept. */
  public String amountsIn(String text) {
    if (text == null) {
      return "";
    }
    var m = AMOUNT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String cents = m.group(2) == null ? "00" : (m.group(2).length() == 1 ? m.group(2) + "0" : m.group(2));
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(money(new BigDecimal(m.group(1) + "." + cents))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Days from today (Brussels) to the date: negative when passed. */
  public long daysLeft(LocalDate due) {
    return due == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(TimeConfig.BRUSSELS), due);
  }

  /**
   * Reads a date typed as {@code jj/mm/aaaa} (also {@code j/m/aaaa}, or with dots or dashes).
   * Throws {@link DateInputException} with a message key when it is no date or an implausible one.
   */
  public static LocalDate parseDate(String input) {
    if (input == null || input.isBlank()) {
      return null;
    }
    var m = DATE_INPUT.matcher(input.strip());
    if (!m.matches()) {
      throw new DateInputException("error.date.format");
    }
    LocalDate d;
    try {
      d = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
    } catch (DateTimeException e) {
      throw new DateInputException("error.date.impossible");
    }
    if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
      throw new DateInputException("error.date.range");
    }
    return d;
  }

  /** A date typed in a form that cannot be used; {@link #key()} is the message saying why. */
  public static final class DateInputException extends RuntimeException {
    private final String key;

    DateInputException(String key) {
      super(key);
      this.key = key;
    }

    public String key() {
      return key;
    }
  }
}
