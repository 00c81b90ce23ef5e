package org.rehabnet.aftercare.groups;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A recurring schedule: every {@code everyWeeks} weeks on a weekday at a time, from a first date.
 * Sessions exist only on the dates it generates.
 */
record GroupSchedule(DayOfWeek dayOfWeek, LocalTime startsAt, int durationMinutes, int everyWeeks,
    LocalDate firstSessionOn) {

  /** The first date on or after {@code firstSessionOn} that falls on the weekday. */
  LocalDate firstOccurrence() {
    return firstSessionOn.with(TemporalAdjusters.nextOrSame(dayOfWeek));
  }

  boolean occursOn(LocalDate date) {
    LocalDate first = firstOccurrence();
    return !date.isBefore(first) && date.getDayOfWeek() == dayOfWeek
        && ChronoUnit.WEEKS.between(first, date) % everyWeeks == 0;
  }

  /** The session dates from {@code from} to {@code to}, both included. */
  List<LocalDate> datesBetween(LocalDate from, LocalDate to) {
    List<LocalDate> dates = new ArrayList<>();
    LocalDate date = firstOccurrence();
    if (date.isBefore(from)) {
      long periods = ChronoUnit.WEEKS.between(date, from) / everyWeeks;
      date = date.plusWeeks(periods * everyWeeks);
      if (date.isBefore(from)) {
        date = date.plusWeeks(everyWeeks);
      }
    }
    for (; !date.isAfter(to) && dates.size() < 400; date = date.plusWeeks(everyWeeks)) {
      dates.add(date);
    }
    return dates;
  }
}
