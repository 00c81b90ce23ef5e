package org.rehabnet.intake.waitinglist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Days on the waiting list as the clinic counts them: calendar days in the site's time zone between
 * the day the referral arrived and today, so a referral that came in at 23:30 in Chicago has waited
 * one day at 00:10 the next morning there, whatever the date is in UTC (docs/clinical-rules.md, "Intake").
 */
final class DaysWaiting {

  static long between(Instant receivedAt, LocalDate today, ZoneId zone) {
    return Math.max(0, ChronoUnit.DAYS.between(receivedAt.atZone(zone).toLocalDate(), today));
  }

  private DaysWaiting() {}
}
