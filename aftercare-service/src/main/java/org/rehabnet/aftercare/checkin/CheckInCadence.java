package org.rehabnet.aftercare.checkin;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.rehabnet.platform.events.intake.SiteSettings;

/**
 * Recovery check-in cadence (docs/clinical-rules.md, "Check-in cadence"; site settings, *default*
 * weekly for the first month, monthly to one year, quarterly after): every {@code earlyEvery} up to the
 * end of {@code earlyPhase} (days 7, 14, 21, 28), then every {@code middleEvery} counted from the end of
 * the early phase up to {@code middlePhase} (months 2 to 12), then every {@code lateEvery} counted from
 * there (months 15, 18, 21 ...). All dates are calendar days at the plan's site. A check-in counts for
 * the first due date it is not later than by the grace period; a due date that passes its grace period
 * uncovered is missed.
 */
record CheckInCadence(int graceDays, Period earlyEvery, Period earlyPhase, Period middleEvery, Period middlePhase,
    Period lateEvery) {

  /** Due dates of the next two years at most are looked at when searching for the next one. */
  private static final Period HORIZON = Period.ofYears(2);

  CheckInCadence {
    for (Period period : List.of(earlyEvery, earlyPhase, middleEvery, middlePhase, lateEvery)) {
      if (period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("a check-in period must move forward");
      }
    }
    if (graceDays < 0) {
      throw new IllegalArgumentException("grace days cannot be negative");
    }
  }

  static CheckInCadence of(int graceDays, SiteSettings.Aftercare settings) {
    return new CheckInCadence(graceDays, settings.earlyCheckInEvery(), settings.earlyPhase(),
        settings.middleCheckInEvery(), settings.middlePhase(), settings.lateCheckInEvery());
  }

  /** The n-th due date (0-based) of a plan that starts on {@code startsOn}. */
  LocalDate due(LocalDate startsOn, int n) {
    Iterator<LocalDate> dates = dueDates(startsOn);
    for (int i = 0; i < n; i++) {
      dates.next();
    }
    return dates.next();
  }

  /** Every due date from the start up to and including {@code until}. */
  List<LocalDate> dueDatesUntil(LocalDate startsOn, LocalDate until) {
    List<LocalDate> dates = new ArrayList<>();
    for (Iterator<LocalDate> it = dueDates(startsOn); ; ) {
      LocalDate due = it.next();
      if (due.isAfter(until)) {
        return dates;
      }
      dates.add(due);
    }
  }

  /** The due date a check-in on {@code on} fulfils: the first one it is not later than by the grace. */
  LocalDate covers(LocalDate startsOn, LocalDate on) {
    for (Iterator<LocalDate> it = dueDates(startsOn); ; ) {
      LocalDate due = it.next();
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
    LocalDate horizon = today.plus(HORIZON);
    for (Iterator<LocalDate> it = dueDates(startsOn); ; ) {
      LocalDate due = it.next();
      if (due.isAfter(horizon)) {
        return Optional.empty();
      }
      if (!covered.contains(due) && !isMissed(due, today)) {
        return Optional.of(due);
      }
    }
  }

  /** The endless sequence of due dates; periods are added to the start so months never drift. */
  private Iterator<LocalDate> dueDates(LocalDate startsOn) {
    LocalDate earlyEnd = startsOn.plus(earlyPhase);
    LocalDate middleEnd = startsOn.plus(middlePhase);
    return new Iterator<>() {
      private int phase = 0;
      private int k = 1;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public LocalDate next() {
        while (true) {
          LocalDate candidate = switch (phase) {
            case 0 -> startsOn.plus(earlyEvery.multipliedBy(k));
            case 1 -> startsOn.plus(earlyPhase.plus(middleEvery.multipliedBy(k)));
            case 2 -> startsOn.plus(middlePhase.plus(lateEvery.multipliedBy(k)));
            default -> throw new NoSuchElementException();
          };
          if (phase == 0 && candidate.isAfter(earlyEnd) || phase == 1 && candidate.isAfter(middleEnd)) {
            phase++;
            k = 1;
            continue;
          }
          k++;
          return candidate;
        }
      }
    };
  }
}
