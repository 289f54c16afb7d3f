package be.parcours.clock;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/** For tests of other packages: the clock of the repository's rules/ and its reloadable tables. */
public final class ClockTestSupport {

  public record ReloadableClock(LegalClock legalClock, ClockTables tables) {}

  private ClockTestSupport() {}

  public static ReloadableClock reloadable(Clock clock) throws IOException {
    var calendar = new OfficeCalendar(BelgianHolidays.fromRows(ClockConfiguration.table(null, ClockTables.HOLIDAYS)),
        List.of());
    var legalClock = new LegalClock(LegalPeriods.fromRows(ClockConfiguration.table(null, ClockTables.DEADLINES)),
        calendar);
    return new ReloadableClock(legalClock, new ClockTables(legalClock, calendar, clock));
  }
}
