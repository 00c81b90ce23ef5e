package org.rehabnet.monitoring.site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.rehabnet.platform.events.intake.SiteSettings;

/**
 * A site's clinical policy as the chart applies it: the settings of the newest {@code SiteConfigured}
 * received, with the site's time zone. Calendar rules (treatment days, the episode's day n of N) count
 * calendar days in that zone, never 24-hour windows (docs/clinical-rules.md, "Treatment day").
 *
 * @param sequence the settings' version, recorded on each dose so a review sees the limits in force
 */
public record SitePolicy(String site, String name, ZoneId zone, boolean otpCertified, SiteSettings settings,
    long sequence, String changedBy, Instant changedAt) {

  /**
   * For what only displays or schedules (day n of N, reassessment timers), never for a rule that
   * could let a dose through: the clinical-reference defaults, UTC, and not an OTP.
   */
  public static SitePolicy displayDefaults(String site) {
    return new SitePolicy(site, site, ZoneOffset.UTC, false, SiteSettings.defaults(), 0, "defaults", Instant.EPOCH);
  }

  /** The calendar date of an instant at the site. */
  public LocalDate dateOf(Instant at) {
    return at.atZone(zone).toLocalDate();
  }

  /** Day 1 is the calendar date of {@code first} at the site; day n the date difference plus one. */
  public int dayNumber(Instant first, Instant at) {
    return (int) ChronoUnit.DAYS.between(dateOf(first), dateOf(at)) + 1;
  }
}
