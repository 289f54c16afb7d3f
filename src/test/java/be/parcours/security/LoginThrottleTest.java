package be.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Plain unit test of the throttle's arithmetic: per address, per account, expiry, known address. */
class LoginThrottleTest {

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MutableClock clock = new MutableClock();
  final LoginThrottle throttle = new LoginThrottle(clock, Duration.ofMinutes(15), Duration.ofMinutes(15), 10, 30);

  @Test
  void an_account_is_throttled_after_ten_failures_and_released_after_fifteen_minutes() {
    for (int i = 0; i < 9; i++) {
      throttle.failed("demo-admin", "10.0.0." + i);
    }
    assertThat(throttle.check("demo-admin", "10.0.0.99").allowed()).isTrue();
    throttle.failed("demo-admin", "10.0.0.9");
    LoginThrottle.Verdict locked = throttle.check("demo-admin", "10.0.0.99");
    assertThat(locked.allowed()).isFalse();
    assertThat(locked.retryAfterSeconds()).isBetween(890L, 901L);

    clock.now = clock.now.plus(Duration.ofMinutes(15)).plusSeconds(1);
    assertThat(throttle.check("demo-admin", "10.0.0.99").allowed()).as("the lock expires by itself").isTrue();
  }

  @Test
  void the_account_lock_spares_an_address_where_the_account_recently_logged_in() {
    throttle.succeeded("demo-admin", "192.0.2.1");
    for (int i = 0; i < 20; i++) {
      throttle.failed("demo-admin", "203.0.113." + i);
    }
    assertThat(throttle.check("demo-admin", "203.0.113.200").allowed()).isFalse();
    assertThat(throttle.check("DEMO-ADMIN", "203.0.113.200").allowed()).as("case-insensitive").isFalse();
    assertThat(throttle.check("demo-admin", "192.0.2.1").allowed()).as("the admin's own workstation").isTrue();
    clock.now = clock.now.plus(Duration.ofHours(25));
    throttle.failed("demo-admin", "203.0.113.1");
    for (int i = 0; i < 10; i++) {
      throttle.failed("demo-admin", "203.0.113.1");
    }
    assertThat(throttle.check("demo-admin", "192.0.2.1").allowed()).as("known for 24 h only").isFalse();
  }

  @Test
  void guessing_across_accounts_from_one_address_is_throttled() {
    for (int i = 0; i < 29; i++) {
      throttle.failed("user-" + i, "198.51.100.7");
    }
    assertThat(throttle.check("someone-else", "198.51.100.7").allowed()).isTrue();
    throttle.failed("user-29", "198.51.100.7");
    assertThat(throttle.check("someone-else", "198.51.100.7").allowed()).isFalse();
    assertThat(throttle.check("someone-else", "198.51.100.8").allowed()).isTrue();
  }

  @Test
  void failures_older_than_the_window_do_not_count() {
    for (int i = 0; i < 9; i++) {
      throttle.failed("demo-legal", "10.1.1.1");
    }
    clock.now = clock.now.plus(Duration.ofMinutes(16));
    throttle.failed("demo-legal", "10.1.1.1");
    assertThat(throttle.check("demo-legal", "10.1.1.2").allowed()).isTrue();
  }

  @Test
  void the_basic_header_gives_the_user() {
    assertThat(LoginThrottleFilter.basicUser("Basic ZGVtby1hZG1pbjp4")).isEqualTo("demo-admin");
    assertThat(LoginThrottleFilter.basicUser("Bearer x")).isNull();
    assertThat(LoginThrottleFilter.basicUser("Basic !!!")).isNull();
  }
}
