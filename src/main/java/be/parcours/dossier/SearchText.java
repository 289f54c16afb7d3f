package be.parcours.dossier;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How names are compared in searches: lower case, without accents, words separated by one space,
 * so {@code "Élodie  DUPRÉ"} and {@code "elodie dupre"} are the same and each word of a query can be
 * looked for on its own (word order does not matter). Plain Java, used when a name is written and
 * when a query is read.
 */
public final class SearchText {

  /** At most this many words of a query are used (a name rarely has more). */
  public static final int MAX_WORDS = 5;
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  private SearchText() {}

  /** The search key of a person: {@code "Élodie", "Dupré-Lefèvre"} → {@code "elodie dupre lefevre"}. */
  public static String key(String firstName, String lastName) {
    return normalise((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName));
  }

  /** Lower case, accents removed (œ → oe, ß → ss, ø → o...), anything else than letters and digits a space. */
  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String s = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
        .replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
        .replace("đ", "d").replace("Đ", "D").replace("ı", "i");
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    s = NOT_LETTER_OR_DIGIT.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ");
    return s.strip();
  }

  /** The words of a query, normalised, at most {@link #MAX_WORDS} (the longest ones are kept). */
  public static List<String> words(String query) {
    String n = normalise(query);
    if (n.isEmpty()) {
      return List.of();
    }
    List<String> words = Arrays.stream(n.split(" ")).distinct().toList();
    if (words.size() <= MAX_WORDS) {
      return words;
    }
    return words.stream().sorted((a, b) -> Integer.compare(b.length(), a.length())).limit(MAX_WORDS).toList();
  }

  /** A LIKE pattern that finds the text anywhere, with LIKE's own characters escaped (escape character '\'). */
  public static String contains(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
