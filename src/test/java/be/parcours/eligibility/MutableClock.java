package be.parcours.eligibility;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves: "today" for activations and verdicts (the application's injectable Clock bean). */
final class MutableClock extends Clock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
  private final ZoneId zone;

  MutableClock(ZoneId zone) {
    this.zone = zone;
  }

  void moveTo(Instant instant) {
    offset.set(Duration.between(Instant.now(), instant));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    MutableClock c = new MutableClock(zone);
    c.offset.set(offset.get());
    return c;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }
}
