package org.rehabnet.aftercare.checkin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recovery check-in cadence (clinical-reference.md, "Discharge and aftercare", *default*): weekly for
 * the first month (days 7, 14, 21, 28), then monthly to one year (months 2 to 12), then quarterly
 * (months 15, 18, 21, ...). A check-in counts for the first due date it is not later than by the grace
 * period; a due date that passes its grace period uncovered is missed.
 */
record CheckInCadence(int graceDays) {

  static final List<Integer> FIRST_MONTH_DAYS = List.of(7, 14, 21, 28);

  /** The n-th due date (0-based) of a plan that starts on {@code startsOn}. */
  static LocalDate due(LocalDate startsOn, int n) {
    if (n < FIRST_MONTH_DAYS.size()) {
      return startsOn.plusDays(FIRST_MONTH_DAYS.get(n));
    }
    int monthly = n - FIRST_MONTH_DAYS.size() + 2;
    if (monthly <= 12) {
      return startsOn.plusMonths(monthly);
    }
    return startsOn.plusMonths(12 + 3L * (monthly - 12));
  }

  /** Every due date from the start up to and including {@code until}. */
  static List<LocalDate> dueDatesUntil(LocalDate startsOn, LocalDate until) {
    List<LocalDate> dates = new ArrayList<>();
    for (int n = 0; ; n++) {
      LocalDate due = due(startsOn, n);
      if (due.isAfter(until)) {
        return dates;
      }
      dates.add(due);
    }
  }

  /** The due date a check-in on {@code on} fulfils: the first one it is not later than by the grace. */
  LocalDate covers(LocalDate startsOn, LocalDate on) {
    for (int n = 0; ; n++) {
      LocalDate due = due(startsOn, n);
      if (!on.isAfter(due.plusDays(graceDays))) {
        return due;
      }
    }
  }

  /** Missed by {@code today}: its grace period is over. */
  boolean isMissed(LocalDate due, LocalDate today) {
    return today.isAfter(due.plusDays(graceDays));
  }

  /** The first due date not yet covered whose grace period has not passed, if any within two years. */
  Optional<LocalDate> nextDue(LocalDate startsOn, List<LocalDate> covered, LocalDate today) {
    for (int n = 0; n < 40; n++) {
      LocalDate due = due(startsOn, n);
      if (!covered.contains(due) && !isMissed(due, today)) {
        return Optional.of(due);
      }
    }
    return Optional.empty();
  }
}
