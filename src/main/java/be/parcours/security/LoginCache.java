package be.parcours.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A short-lived memory of successful password checks, so that an API client sending HTTP Basic on
 * every request does not pay the engine's password check (hash, command, user read) each time.
 * <ul>
 *   <li>The key is the user name and an HMAC-SHA-256 of name and password under a random key drawn
 *       when the process starts: the password itself is never kept, and the memory is useless
 *       outside this process.</li>
 *   <li>Only successes are remembered; a wrong password always goes to the engine (and is
 *       counted by {@link LoginThrottle}, which runs before any check).</li>
 *   <li>An entry is used only while the user's stored password hash is the one seen at the check
 *       and the user is not locked: both are read from the engine's user table on every request
 *       (one indexed read, the same that gives the user's groups), so a password change, a lock or
 *       a deleted user is refused at once on every node of a cluster; groups are always the
 *       current ones.</li>
 *   <li>Entries live {@code parcours.login.cache-ttl} (60 s) at most; {@code PT0S} turns the cache off.</li>
 * </ul>
 */
@Component
class LoginCache {

  /** What the engine's user table says of a user now: password hash, lock, groups. */
  record StoredUser(String passwordHash, Instant lockedUntil, List<String> groups) {}

  private record Entry(String passwordHash, Instant expiresAt) {}

  private static final int MAX_ENTRIES = 10_000;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration ttl;
  private final SecretKeySpec key;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  LoginCache(JdbcTemplate jdbc, Clock clock, @Value("${parcours.login.cache-ttl:PT60S}") Duration ttl) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ttl = ttl;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  boolean enabled() {
    return !ttl.isZero() && !ttl.isNegative();
  }

  /** The user as stored now, or null when there is no such user. */
  StoredUser stored(String user) {
    List<StoredUser> rows = new ArrayList<>(1);
    List<String> groups = new ArrayList<>();
    jdbc.query("select u.PWD_, u.SALT_, u.LOCK_EXP_TIME_, m.GROUP_ID_ from ACT_ID_USER u "
        + "left join ACT_ID_MEMBERSHIP m on m.USER_ID_ = u.ID_ where u.ID_ = ?", rs -> {
          if (rows.isEmpty()) {
            Timestamp lock = rs.getTimestamp(3);
            rows.add(new StoredUser(rs.getString(1) + "|" + rs.getString(2), lock == null ? null : lock.toInstant(),
                groups));
          }
          String group = rs.getString(4);
          if (group != null) {
            groups.add(group);
          }
        }, user);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Whether this name and password were checked successfully within the TTL and the user is unchanged. */
  boolean matches(String user, String password, StoredUser now) {
    if (!enabled() || now == null) {
      return false;
    }
    String k = key(user, password);
    Entry e = entries.get(k);
    Instant t = clock.instant();
    if (e == null) {
      return false;
    }
    if (!t.isBefore(e.expiresAt()) || !Objects.equals(e.passwordHash(), now.passwordHash())
        || (now.lockedUntil() != null && now.lockedUntil().isAfter(t))) {
      entries.remove(k, e);
      return false;
    }
    return true;
  }

  /** Remembers a successful check (the stored hash read before the check). */
  void succeeded(String user, String password, StoredUser before) {
    if (!enabled() || before == null) {
      return;
    }
    Instant t = clock.instant();
    if (entries.size() >= MAX_ENTRIES) {
      entries.values().removeIf(e -> !t.isBefore(e.expiresAt()));
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
    }
    entries.put(key(user, password), new Entry(before.passwordHash(), t.plus(ttl)));
  }

  int size() {
    return entries.size();
  }

  /** Whether this name and password are remembered (whatever the stored user says now). */
  boolean remembers(String user, String password) {
    return entries.containsKey(key(user, password));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private String key(String user, String password) {
    Mac mac = macs.get(); // one per thread: Mac.getInstance + init is a provider look-up on every request
    mac.reset();
    mac.update(user.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    mac.update(password.getBytes(StandardCharsets.UTF_8));
    return user + '\u0000' + Base64.getEncoder().encodeToString(mac.doFinal());
  }
}
