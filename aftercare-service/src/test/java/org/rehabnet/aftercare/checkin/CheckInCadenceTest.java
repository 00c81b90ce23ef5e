package org.rehabnet.aftercare.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.events.intake.SiteSettings;

class CheckInCadenceTest {

  static final LocalDate START = LocalDate.of(2026, 1, 15);
  final CheckInCadence cadence = CheckInCadence.of(3, SiteSettings.Aftercare.defaults());

  @Test
  void isWeeklyForTheFirstMonthOnDays7To28() {
    assertThat(cadence.dueDatesUntil(START, START.plusDays(31)))
        .containsExactly(START.plusDays(7), START.plusDays(14), START.plusDays(21), START.plusDays(28));
  }

  @Test
  void isMonthlyFromTheSecondMonthToOneYear() {
    assertThat(cadence.due(START, 4)).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(cadence.due(START, 5)).isEqualTo(LocalDate.of(2026, 4, 15));
    assertThat(cadence.due(START, 14)).isEqualTo(LocalDate.of(2027, 1, 15));
    assertThat(cadence.dueDatesUntil(START, START.plusYears(1))).hasSize(4 + 11);
  }

  @Test
  void isQuarterlyAfterTheFirstYear() {
    assertThat(cadence.due(START, 15)).isEqualTo(LocalDate.of(2027, 4, 15));
    assertThat(cadence.due(START, 16)).isEqualTo(LocalDate.of(2027, 7, 15));
    assertThat(cadence.dueDatesUntil(START, START.plusYears(2))).hasSize(4 + 11 + 4);
  }

  @Test
  void aPlanStartingOnTheLastDayOfAMonthKeepsItsDayWhereTheMonthHasIt() {
    LocalDate start = LocalDate.of(2026, 1, 31);
    // Months are added to the start, never to the previous due date, so a short February does not drift.
    assertThat(cadence.due(start, 4)).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(cadence.due(start, 5)).isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(cadence.due(start, 6)).isEqualTo(LocalDate.of(2026, 5, 31));
  }

  @Test
  void aSiteThatChecksInFortnightlyForTwoMonthsThenEverySixWeeksGetsItsOwnDates() {
    CheckInCadence fortnightly = CheckInCadence.of(3, new SiteSettings.Aftercare(Period.ofWeeks(2), Period.ofMonths(2),
        Period.ofWeeks(6), Period.ofMonths(6), Period.ofMonths(2), Duration.ofHours(24), Duration.ofHours(1)));

    // 2 months from 15 January is 15 March, day 59: fortnights on days 14, 28, 42, 56.
    assertThat(fortnightly.dueDatesUntil(START, START.plusMonths(2))).containsExactly(START.plusDays(14),
        START.plusDays(28), START.plusDays(42), START.plusDays(56));
    // Then every six weeks from 15 March up to 15 July, then every two months.
    LocalDate earlyEnd = START.plusMonths(2);
    assertThat(fortnightly.dueDatesUntil(START, START.plusMonths(6))).endsWith(earlyEnd.plusWeeks(6),
        earlyEnd.plusWeeks(12));
    assertThat(fortnightly.due(START, 6)).isEqualTo(START.plusMonths(8));
  }

  @Test
  void aDueDateThatWouldFallExactlyOnThePhaseEndBelongsToTheEarlierPhase() {
    // 1 February + 1 month is 1 March, 28 days: the fourth weekly check-in is the last of the first month.
    LocalDate february = LocalDate.of(2026, 2, 1);
    assertThat(cadence.dueDatesUntil(february, LocalDate.of(2026, 4, 1))).containsExactly(february.plusDays(7),
        february.plusDays(14), february.plusDays(21), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
  }

  @Test
  void aCadenceThatWouldNeverMoveForwardIsRefused() {
    assertThatThrownBy(() -> CheckInCadence.of(3, new SiteSettings.Aftercare(Period.ZERO, Period.ofMonths(1),
        Period.ofMonths(1), Period.ofYears(1), Period.ofMonths(3), Duration.ofHours(24), Duration.ofHours(1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCheckInCountsForTheFirstDueDateItIsNotLaterThanByTheGrace() {
    assertThat(cadence.covers(START, START.plusDays(2))).isEqualTo(START.plusDays(7));
    assertThat(cadence.covers(START, START.plusDays(10))).isEqualTo(START.plusDays(7));
    assertThat(cadence.covers(START, START.plusDays(11))).isEqualTo(START.plusDays(14));
  }

  @Test
  void aDueDateIsMissedOnlyOnceItsGraceHasPassed() {
    LocalDate due = START.plusDays(7);
    assertThat(cadence.isMissed(due, due.plusDays(3))).isFalse();
    assertThat(cadence.isMissed(due, due.plusDays(4))).isTrue();
  }

  @Test
  void theNextDueDateSkipsCoveredAndMissedOnes() {
    LocalDate today = START.plusDays(20);
    assertThat(cadence.nextDue(START, List.of(START.plusDays(7)), today)).contains(START.plusDays(21));
    assertThat(cadence.nextDue(START, List.of(), START.plusDays(9))).contains(START.plusDays(7));
  }
}
