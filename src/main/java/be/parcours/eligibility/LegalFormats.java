package be.parcours.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How amounts, dates and countries are written for people in Belgium: FR {@code 1 900,00 €}, NL
 * {@code € 1.900,00}, EN {@code €1,900.00}; dates {@code jj/mm/aaaa} in every language. Plain Java.
 */
public final class LegalFormats {

  /** A country, by its ISO 3166 alpha-2 or alpha-3 code, written by its name in the reader's language. */
  public record Country(String code) {}

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private LegalFormats() {}

  public static Country country(String code) {
    return code == null ? null : new Country(code);
  }

  /** Euros with two decimals, grouped by thousands in the Belgian way of the language. */
  public static String amount(BigDecimal amount, Locale locale) {
    BigDecimal a = amount.setScale(2, RoundingMode.HALF_UP);
    boolean negative = a.signum() < 0;
    String plain = a.abs().toPlainString();
    String units = plain.substring(0, plain.length() - 3);
    String cents = plain.substring(plain.length() - 2);
    String lang = locale == null ? "fr" : locale.getLanguage();
    char group = switch (lang) {
      case "nl" -> '.';
      case "en" -> ',';
      default -> ' ';
    };
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < units.length(); i++) {
      if (i > 0 && (units.length() - i) % 3 == 0) {
        grouped.append(group);
      }
      grouped.append(units.charAt(i));
    }
    String sign = negative ? "-" : "";
    return switch (lang) {
      case "nl" -> "€ " + sign + grouped + "," + cents;
      case "en" -> sign + "€" + grouped + "." + cents;
      default -> sign + grouped + "," + cents + " €";
    };
  }

  public static String date(LocalDate day) {
    return day.format(DATE);
  }

  /** The country's name in the language ("Sénégal", "Senegal"); the code itself when unknown. */
  public static String countryName(String code, Locale locale) {
    if (code == null) {
      return "";
    }
    String region = code.toUpperCase(Locale.ROOT);
    if (region.length() == 3) {
      for (String iso2 : Locale.getISOCountries()) {
        if (new Locale("", iso2).getISO3Country().equals(region)) {
          region = iso2;
          break;
        }
      }
    }
    if (region.length() == 2) {
      String name = new Locale("", region).getDisplayCountry(locale == null ? Locale.FRENCH : locale);
      if (!name.isBlank() && !name.equalsIgnoreCase(region)) {
        return name;
      }
    }
    return code;
  }
}
