package be.parcours.clock;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The clock tables of the rules directory (legal periods, public holidays) checked and activated
 * with the rules, so that legal staff change a period the way they change a rule: validate, then
 * reload, without a restart. Deadlines already stored and timers already scheduled keep their
 * dates; the new table applies to the periods started from then on. A table that no longer has, in
 * force today, a period the active table has is refused: the procedures would fail at that step.
 */
@Component
public class ClockTables {

  public static final String DEADLINES = "clocks/legal-deadlines.csv";
  public static final String HOLIDAYS = "clocks/public-holidays.csv";
  private static final Pattern LINE = Pattern.compile("^[^:]+:(\\d+): (.*)$", Pattern.DOTALL);

  /** A problem in a clock table, at a line (0: the whole file). */
  public record Problem(String file, int line, String message) {}

  private record Tables(LegalPeriods periods, BelgianHolidays holidays, List<Problem> problems) {}

  private final LegalClock legalClock;
  private final OfficeCalendar calendar;
  private final Clock clock;

  ClockTables(LegalClock legalClock, OfficeCalendar calendar, Clock clock) {
    this.legalClock = legalClock;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The problems of the clock tables among these files (path in the rules directory → content). */
  public List<Problem> check(Map<String, byte[]> files) {
    return read(files).problems();
  }

  /** Activates the clock tables of these files; refused (nothing changes) when they have a problem. */
  public synchronized void activate(Map<String, byte[]> files) {
    Tables tables = read(files);
    if (!tables.problems().isEmpty()) {
      throw new IllegalStateException("clock tables refused: " + tables.problems());
    }
    calendar.replaceHolidays(tables.holidays());
    legalClock.replace(tables.periods());
  }

  private Tables read(Map<String, byte[]> files) {
    List<Problem> problems = new ArrayList<>();
    LegalPeriods periods = null;
    BelgianHolidays holidays = null;
    try {
      periods = LegalPeriods.fromRows(rows(files, DEADLINES));
      LocalDate today = LocalDate.now(clock);
      for (String code : legalClock.periods().codes()) {
        if (legalClock.periods().has(code, today) && !periods.has(code, today)) {
          problems.add(new Problem(DEADLINES, 0, code + ": no period in force today any more, the procedures use it"));
        }
      }
    } catch (IllegalArgumentException | IOException e) {
      problems.add(problem(DEADLINES, e));
    }
    try {
      holidays = BelgianHolidays.fromRows(rows(files, HOLIDAYS));
    } catch (IllegalArgumentException | IOException e) {
      problems.add(problem(HOLIDAYS, e));
    }
    return new Tables(periods, holidays, List.copyOf(problems));
  }

  private static List<Map<String, String>> rows(Map<String, byte[]> files, String name) throws IOException {
    byte[] content = files.get(name);
    if (content == null) {
      throw new IOException("the table is missing");
    }
    return CsvTable.read(new StringReader(new String(content, StandardCharsets.UTF_8)), name);
  }

  private static Problem problem(String file, Exception e) {
    Matcher m = LINE.matcher(String.valueOf(e.getMessage()));
    return m.matches() ? new Problem(file, Integer.parseInt(m.group(1)), m.group(2))
        : new Problem(file, 0, String.valueOf(e.getMessage()));
  }
}
