package be.parcours.testsupport;

import be.parcours.shared.TimeConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's {@link Clock} in the shared test application: the system clock in Brussels,
 * as in production, until a test moves it ({@link #moveTo}) — "today" for verdicts, scheduled
 * activations of the rules, deadlines — and puts it back ({@link #reset}, in a {@code finally}).
 * Clocks derived with {@link #withZone} follow the same offset. Camunda's own clock (ClockUtil,
 * timers) is not this one.
 */
public final class TestClock extends Clock {

  /** Registered by {@link ParcoursSpringTest}: the one clock every bean of the test application gets. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock(TimeConfig.BRUSSELS, new AtomicReference<>(Duration.ZERO));
    }
  }

  private final ZoneId zone;
  private final AtomicReference<Duration> offset;

  private TestClock(ZoneId zone, AtomicReference<Duration> offset) {
    this.zone = zone;
    this.offset = offset;
  }

  /** From now on the clock reads this instant, and runs on from there. */
  public void moveTo(Instant instant) {
    offset.set(Duration.between(Instant.now(), instant));
  }

  /** Back to the system clock. */
  public void reset() {
    offset.set(Duration.ZERO);
  }

  public boolean moved() {
    return !offset.get().isZero();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(this.zone) ? this : new TestClock(zone, offset);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public long millis() {
    return instant().toEpochMilli();
  }
}
