package be.parcours.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Slows password guessing without letting anyone lock an account for good. Failed logins are
 * counted per client address and per account over a sliding window (15 min):
 * <ul>
 *   <li>an address with {@code parcours.login.max-failures-per-address} (30) failures, whatever the
 *       accounts, is refused for {@code lock} (15 min): guessing across accounts is slowed;</li>
 *   <li>an account with {@code max-failures-per-account} (10) failures is refused for 15 min — except
 *       from an address where that account logged in successfully within the last 24 hours, so an
 *       anonymous caller cannot lock the administrator out of their usual workstation;</li>
 *   <li>every lock-out expires by itself; nothing is stored in the user table (Camunda's own
 *       permanent lock after failed attempts is switched off).</li>
 * </ul>
 * One service for every login: HTTP Basic on {@code /api} and {@code /engine-rest}, the Camunda
 * webapps' login, and the Parcours form login: call {@link #check} before checking the password,
 * then {@link #failed} or {@link #succeeded}. A refused attempt answers 429 with Retry-After.
 */
@Service
public class LoginThrottle {

  /** Whether the attempt may proceed, else how long to wait. */
  public record Verdict(boolean allowed, long retryAfterSeconds) {
    static final Verdict ALLOWED = new Verdict(true, 0);
  }

  static final Duration KNOWN_ADDRESS = Duration.ofHours(24);
  private static final int MAX_TRACKED = 100_000;

  private final Clock clock;
  private final Duration window;
  private final Duration lock;
  private final int maxPerAccount;
  private final int maxPerAddress;
  private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
  private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
  /** account + address → last successful login. */
  private final Map<String, Instant> known = new ConcurrentHashMap<>();

  LoginThrottle(Clock clock,
      @Value("${parcours.login.window:PT15M}") Duration window,
      @Value("${parcours.login.lock:PT15M}") Duration lock,
      @Value("${parcours.login.max-failures-per-account:10}") int maxPerAccount,
      @Value("${parcours.login.max-failures-per-address:30}") int maxPerAddress) {
    this.clock = clock;
    this.window = window;
    this.lock = lock;
    this.maxPerAccount = maxPerAccount;
    this.maxPerAddress = maxPerAddress;
  }

  /** Before the password is checked. */
  public Verdict check(String user, String ip) {
    Instant now = clock.instant();
    long wait = 0;
    Failures byAddress = addresses.get(address(ip));
    if (byAddress != null) {
      wait = Math.max(wait, byAddress.lockedFor(now));
    }
    Failures byAccount = accounts.get(account(user));
    if (byAccount != null && !isKnown(user, ip, now)) {
      wait = Math.max(wait, byAccount.lockedFor(now));
    }
    return wait > 0 ? new Verdict(false, wait) : Verdict.ALLOWED;
  }

  /** After a wrong password (or an unknown user). */
  public void failed(String user, String ip) {
    Instant now = clock.instant();
    prune(now);
    addresses.computeIfAbsent(address(ip), k -> new Failures()).add(now, window, lock, maxPerAddress);
    accounts.computeIfAbsent(account(user), k -> new Failures()).add(now, window, lock, maxPerAccount);
  }

  /** After a right password: this address is known for this account; its failures are forgotten. */
  public void succeeded(String user, String ip) {
    Instant now = clock.instant();
    known.put(account(user) + "\n" + address(ip), now);
    Failures byAddress = addresses.get(address(ip));
    if (byAddress != null && byAddress.lockedFor(now) == 0) {
      addresses.remove(address(ip));
    }
  }

  private boolean isKnown(String user, String ip, Instant now) {
    Instant last = known.get(account(user) + "\n" + address(ip));
    return last != null && last.plus(KNOWN_ADDRESS).isAfter(now);
  }

  /** Bounded memory whatever the number of names and addresses tried. */
  private void prune(Instant now) {
    if (accounts.size() + addresses.size() + known.size() < MAX_TRACKED) {
      return;
    }
    accounts.values().removeIf(f -> f.idle(now, window));
    addresses.values().removeIf(f -> f.idle(now, window));
    known.values().removeIf(at -> !at.plus(KNOWN_ADDRESS).isAfter(now));
  }

  /** For tests: forget everything. */
  void clear() {
    accounts.clear();
    addresses.clear();
    known.clear();
  }

  private static String account(String user) {
    return user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
  }

  private static String address(String ip) {
    return ip == null ? "" : ip;
  }

  private static final class Failures {
    private final Deque<Instant> times = new ArrayDeque<>();
    private Instant lockedUntil = Instant.MIN;

    synchronized void add(Instant now, Duration window, Duration lock, int max) {
      while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
        times.removeFirst();
      }
      times.addLast(now);
      if (times.size() >= max) {
        lockedUntil = now.plus(lock);
        times.clear();
      }
    }

    synchronized long lockedFor(Instant now) {
      if (!lockedUntil.isAfter(now)) {
        return 0;
      }
      return Math.max(1, Duration.between(now, lockedUntil).toSeconds() + 1);
    }

    synchronized boolean idle(Instant now, Duration window) {
      return !lockedUntil.isAfter(now) && (times.isEmpty() || !times.peekLast().plus(window).isAfter(now));
    }
  }
}
