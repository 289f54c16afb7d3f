package be.parcours.web;

import be.parcours.clock.OfficeCalendar;
import java.time.LocalDate;

/**
 * How the authority's decision reached the person. By hand or e-mail: notified that day. By
 * registered letter: the date entered is the posting, and the person is deemed notified the third
 * working day after it (art. 39/57 §2 loi du 15.12.1980; weekends and public holidays skipped).
 */
enum NotificationMode {
  HAND, EMAIL, REGISTERED_LETTER;

  static final int REGISTERED_LETTER_WORKING_DAYS = 3;

  LocalDate notifiedOn(LocalDate date, OfficeCalendar calendar) {
    return this == REGISTERED_LETTER ? calendar.plusLegalWorkingDays(date, REGISTERED_LETTER_WORKING_DAYS) : date;
  }

  static NotificationMode parse(String s) {
    try {
      return s == null ? null : valueOf(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
