package be.parcours.clock;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda business calendar in which {@code P<n>D} means n office days (weekends, public holidays
 * and closure periods skipped) — for internal reminders and escalations. Anything else (dates,
 * hours, other ISO durations) is left to Camunda's own calendar.
 */
class WorkingDaysBusinessCalendar implements BusinessCalendar {

  private static final Pattern WORKING_DAYS = Pattern.compile("P(\\d{1,3})D");

  private final OfficeCalendar calendar;
  private final BusinessCalendar fallback;
  private final ZoneId zone;

  WorkingDaysBusinessCalendar(OfficeCalendar calendar, BusinessCalendar fallback, ZoneId zone) {
    this.calendar = calendar;
    this.fallback = fallback;
    this.zone = zone;
  }

  @Override
  public Date resolveDuedate(String description) {
    return resolveDuedate(description, (Date) null);
  }

  @Override
  public Date resolveDuedate(String description, Task task) {
    return resolveDuedate(description, (Date) null);
  }

  @Override
  public Date resolveDuedate(String description, Date startDate) {
    Matcher m = description == null ? null : WORKING_DAYS.matcher(description.strip());
    if (m == null || !m.matches()) {
      return startDate == null ? fallback.resolveDuedate(description) : fallback.resolveDuedate(description, startDate);
    }
    Date start = startDate != null ? startDate : ClockUtil.getCurrentTime();
    ZonedDateTime from = start.toInstant().atZone(zone);
    LocalDate day = calendar.plusOfficeDays(from.toLocalDate(), Integer.parseInt(m.group(1)));
    return Date.from(from.with(day).toInstant());
  }
}
