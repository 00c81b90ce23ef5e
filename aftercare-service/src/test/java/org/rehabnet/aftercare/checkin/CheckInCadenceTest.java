package org.rehabnet.aftercare.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CheckInCadenceTest {

  static final LocalDate START = LocalDate.of(2026, 1, 15);
  final CheckInCadence cadence = new CheckInCadence(3);

  @Test
  void isWeeklyForTheFirstMonthOnDays7To28() {
    assertThat(CheckInCadence.dueDatesUntil(START, START.plusDays(31)))
        .containsExactly(START.plusDays(7), START.plusDays(14), START.plusDays(21), START.plusDays(28));
  }

  @Test
  void isMonthlyFromTheSecondMonthToOneYear() {
    assertThat(CheckInCadence.due(START, 4)).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(CheckInCadence.due(START, 5)).isEqualTo(LocalDate.of(2026, 4, 15));
    assertThat(CheckInCadence.due(START, 14)).isEqualTo(LocalDate.of(2027, 1, 15));
    assertThat(CheckInCadence.dueDatesUntil(START, START.plusYears(1))).hasSize(4 + 11);
  }

  @Test
  void isQuarterlyAfterTheFirstYear() {
    assertThat(CheckInCadence.due(START, 15)).isEqualTo(LocalDate.of(2027, 4, 15));
    assertThat(CheckInCadence.due(START, 16)).isEqualTo(LocalDate.of(2027, 7, 15));
    assertThat(CheckInCadence.dueDatesUntil(START, START.plusYears(2))).hasSize(4 + 11 + 4);
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
    assertThat(cadence.nextDue(START, java.util.List.of(START.plusDays(7)), today)).contains(START.plusDays(21));
    assertThat(cadence.nextDue(START, java.util.List.of(), START.plusDays(9))).contains(START.plusDays(7));
  }
}
