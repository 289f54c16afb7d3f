package be.parcours.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * People and countries as pages show them: a user by name (« Camille Dupont », not {@code cw07}),
 * a country by its name in the page's language (« Maroc (MA) »). A user's name is remembered five
 * minutes (a history of fifty lines asks the identity store once per person, not fifty times).
 * Templates: {@code ${@people.name(h.user())}}, {@code ${@people.country(code)}}.
 */
@Component("people")
public class People {

  private static final Duration REMEMBERED = Duration.ofMinutes(5);

  private record Known(String name, Instant until) {}

  private final IdentityService identity;
  private final Clock clock;
  private final Map<String, Known> names = new ConcurrentHashMap<>();
  private final Map<String, String> alpha3 = new ConcurrentHashMap<>();

  People(IdentityService identity, Clock clock) {
    this.identity = identity;
    this.clock = clock;
    for (String two : Locale.getISOCountries()) {
      alpha3.put(new Locale("", two).getISO3Country(), two);
    }
  }

  /** The user's first and last name; the id itself for a user unknown (deleted) or without a name; "" for none. */
  public String name(String userId) {
    if (userId == null || userId.isBlank()) {
      return "";
    }
    Instant now = clock.instant();
    Known known = names.get(userId);
    if (known == null || known.until().isBefore(now)) {
      var user = identity.createUserQuery().userId(userId).singleResult();
      String name = user == null ? "" : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
          + (user.getLastName() == null ? "" : user.getLastName())).strip();
      known = new Known(name.isEmpty() ? userId : name, now.plus(REMEMBERED));
      if (names.size() > 10_000) {
        names.clear();
      }
      names.put(userId, known);
    }
    return known.name();
  }

  /** « Maroc (MA) » for MA or MAR, in the page's language; the code as given when it is no country; "—" for none. */
  public String country(String code) {
    if (code == null || code.isBlank()) {
      return "—";
    }
    String c = code.strip().toUpperCase(Locale.ROOT);
    String two = c.length() == 3 ? alpha3.get(c) : c;
    if (two == null || two.length() != 2) {
      return c;
    }
    String name = new Locale("", two).getDisplayCountry(
        WebConfig.supported(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    return name.isEmpty() || name.equalsIgnoreCase(two) ? c : name + " (" + c + ")";
  }
}
