package org.rehabnet.aftercare.site;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.rehabnet.platform.events.intake.SiteSettings;

/**
 * What aftercare applies at one site: its time zone and its aftercare settings. {@code received} is
 * false while intake's announcement of the site has not arrived; the policy is then the
 * clinical-reference defaults counted in UTC (docs/clinical-rules.md, "Aftercare", "A site not yet
 * announced").
 */
public record SitePolicy(String site, ZoneId zone, SiteSettings.Aftercare aftercare, boolean received) {

  /** The policy of a site aftercare has not heard of yet. */
  static SitePolicy assumed(String site) {
    return new SitePolicy(site, ZoneId.of("UTC"), SiteSettings.Aftercare.defaults(), false);
  }

  /** The calendar day it is now at the site. */
  public LocalDate today(Clock clock) {
    return dateOf(clock.instant());
  }

  /** The calendar day at the site at an instant. */
  public LocalDate dateOf(Instant at) {
    return LocalDate.ofInstant(at, zone);
  }
}
