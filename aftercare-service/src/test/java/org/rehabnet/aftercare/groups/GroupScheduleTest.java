package org.rehabnet.aftercare.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class GroupScheduleTest {

  // 2026-03-02 is a Monday.
  final GroupSchedule weeklyTuesday = new GroupSchedule(DayOfWeek.TUESDAY, LocalTime.of(18, 0), 90, 1,
      LocalDate.of(2026, 3, 2));
  final GroupSchedule fortnightlyTuesday = new GroupSchedule(DayOfWeek.TUESDAY, LocalTime.of(18, 0), 90, 2,
      LocalDate.of(2026, 3, 2));

  @Test
  void sessionsFallOnTheWeekdayFromTheFirstDate() {
    assertThat(weeklyTuesday.occursOn(LocalDate.of(2026, 3, 3))).isTrue();
    assertThat(weeklyTuesday.occursOn(LocalDate.of(2026, 3, 10))).isTrue();
    assertThat(weeklyTuesday.occursOn(LocalDate.of(2026, 3, 4))).isFalse();
    assertThat(weeklyTuesday.occursOn(LocalDate.of(2026, 2, 24))).isFalse();
  }

  @Test
  void everyOtherWeekSkipsTheWeeksBetween() {
    assertThat(fortnightlyTuesday.occursOn(LocalDate.of(2026, 3, 3))).isTrue();
    assertThat(fortnightlyTuesday.occursOn(LocalDate.of(2026, 3, 10))).isFalse();
    assertThat(fortnightlyTuesday.occursOn(LocalDate.of(2026, 3, 17))).isTrue();
  }

  @Test
  void generatesTheSessionDatesOfAWindow() {
    assertThat(fortnightlyTuesday.datesBetween(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 14)))
        .containsExactly(LocalDate.of(2026, 3, 17), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 14));
    assertThat(weeklyTuesday.datesBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 10)))
        .containsExactly(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 10));
  }
}
