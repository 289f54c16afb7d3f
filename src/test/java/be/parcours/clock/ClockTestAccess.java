package be.parcours.clock;

import java.io.IOException;
import java.io.UncheckedIOException;

/** For the workplace's tests: the Belgian public holidays of the repository's rules/. */
public final class ClockTestAccess {

  private ClockTestAccess() {}

  public static BelgianHolidays holidays() {
    try {
      return BelgianHolidays.fromRows(ClockConfiguration.table(null, ClockTables.HOLIDAYS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
