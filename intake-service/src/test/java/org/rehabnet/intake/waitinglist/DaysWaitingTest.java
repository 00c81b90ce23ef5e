package org.rehabnet.intake.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DaysWaitingTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  @Test
  void aReferralFromLateLastNightInChicagoHasWaitedOneDayThisMorningThere() {
    // 23:30 on 1 March in Chicago is 05:30 on 2 March in UTC.
    Instant lateEvening = Instant.parse("2026-03-02T05:30:00Z");

    assertThat(DaysWaiting.between(lateEvening, LocalDate.of(2026, 3, 1), CHICAGO)).isZero();
    assertThat(DaysWaiting.between(lateEvening, LocalDate.of(2026, 3, 2), CHICAGO)).isEqualTo(1);
  }

  @Test
  void theSameInstantCountsByTheSitesCalendarNotUtcs() {
    Instant lateEvening = Instant.parse("2026-03-02T05:30:00Z");

    assertThat(DaysWaiting.between(lateEvening, LocalDate.of(2026, 3, 2), ZoneId.of("UTC"))).isZero();
    assertThat(DaysWaiting.between(lateEvening, LocalDate.of(2026, 3, 2), CHICAGO)).isEqualTo(1);
  }

  @Test
  void aWeekOnTheListIsSevenDaysAcrossTheSpringClockChange() {
    // US daylight saving starts on 8 March 2026: a 23-hour day is still one calendar day.
    Instant received = Instant.parse("2026-03-05T15:00:00Z");

    assertThat(DaysWaiting.between(received, LocalDate.of(2026, 3, 12), CHICAGO)).isEqualTo(7);
  }

  @Test
  void aClockBehindTheReferralNeverGivesNegativeDays() {
    assertThat(DaysWaiting.between(Instant.parse("2026-03-05T15:00:00Z"), LocalDate.of(2026, 3, 4), CHICAGO))
        .isZero();
  }
}
