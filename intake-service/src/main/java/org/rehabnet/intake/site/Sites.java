package org.rehabnet.intake.site;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clinic sites of the network, each with its time zone: intake's calendar rules (a consent's
 * signing date against today, days on the waiting list) compare dates in the site's zone, not the
 * server's (docs/clinical-rules.md, "Site settings").
 */
@Component
public class Sites {

  private final JdbcClient jdbc;
  private final SiteConfigurations configurations;
  private final Clock clock;

  Sites(JdbcClient jdbc, SiteConfigurations configurations, Clock clock) {
    this.jdbc = jdbc;
    this.configurations = configurations;
    this.clock = clock;
  }

  /** A site code as the database allows it; anything else (a stray U+0000 too) is no site, without a query. */
  static boolean isCode(String code) {
    return CODE.matcher(code).matches();
  }

  private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{1,31}");

  public boolean exists(String code) {
    if (!isCode(code)) {
      return false;
    }
    return jdbc.sql("SELECT count(*) FROM site WHERE code = :code").param("code", code)
        .query(Long.class).single() > 0;
  }

  /** The site's IANA time zone; an unknown site is a fault of the caller's, not a default of UTC. */
  public ZoneId zone(String code) {
    if (!isCode(code)) {
      throw new NotFound("Site", code);
    }
    return jdbc.sql("SELECT time_zone FROM site WHERE code = :code").param("code", code)
        .query(String.class).optional()
        .map(ZoneId::of)
        .orElseThrow(() -> new NotFound("Site", code));
  }

  /**
   * The site's clinical policy as it now stands (the expected detox length uses its
   * {@code detoxLength}); {@link SiteNotConfigured} when it has none yet, never a silent default.
   */
  public SiteSettings settings(String code) {
    return configurations.find(code).map(SiteConfiguration::settings).orElseThrow(() -> new NotFound("Site", code));
  }

  /** Today's date at the site. */
  public LocalDate today(String code) {
    return clock.instant().atZone(zone(code)).toLocalDate();
  }

  /** The sites the caller works at; a clinical lead sees every site. */
  List<SiteView> visibleTo(Caller caller) {
    boolean everySite = caller.hasRole(Roles.CLINICAL_LEAD);
    return jdbc.sql("""
            SELECT code, name, time_zone, otp_certified FROM site
            WHERE :everySite OR code = ANY (:sites)
            ORDER BY code
            """)
        .param("everySite", everySite)
        .param("sites", caller.sites().toArray(String[]::new))
        .query(SiteView.class)
        .list();
  }

  /** A site as staff pick it: code, name, time zone and whether methadone may be ordered there. */
  record SiteView(String code, String name, String timeZone, boolean otpCertified) {}
}
