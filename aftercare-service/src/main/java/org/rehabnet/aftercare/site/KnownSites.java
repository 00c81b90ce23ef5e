package org.rehabnet.aftercare.site;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.rehabnet.platform.events.intake.SiteConfigured;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aftercare's read model of sites: the newest announcement of each, by its sequence (the settings'
 * version at intake), so an older announcement resent late changes nothing.
 */
@Component
class KnownSites {

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  KnownSites(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** True when the announcement is newer than what aftercare holds and replaced it. */
  boolean configured(SiteConfigured event) {
    return jdbc.sql("""
            INSERT INTO site_settings (site, name, time_zone, otp_certified, settings, sequence, changed_by,
                                       changed_at, received_at)
            VALUES (:site, :name, :zone, :otp, CAST(:settings AS JSONB), :sequence, :changedBy, :changedAt, :now)
            ON CONFLICT (site) DO UPDATE
               SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, otp_certified = EXCLUDED.otp_certified,
                   settings = EXCLUDED.settings, sequence = EXCLUDED.sequence, changed_by = EXCLUDED.changed_by,
                   changed_at = EXCLUDED.changed_at, received_at = EXCLUDED.received_at
             WHERE site_settings.sequence < EXCLUDED.sequence
            """)
        .param("site", event.site())
        .param("name", event.name())
        .param("zone", event.timeZone())
        .param("otp", event.otpCertified())
        .param("settings", json.writeValueAsString(event.settings()))
        .param("sequence", event.metadata().sequence())
        .param("changedBy", event.changedBy())
        .param("changedAt", Timestamp.from(event.changedAt()))
        .param("now", Timestamp.from(clock.instant()))
        .update() == 1;
  }

  Optional<SitePolicy> policyOf(String site) {
    return jdbc.sql("SELECT time_zone, CAST(settings AS TEXT) AS settings FROM site_settings WHERE site = :site")
        .param("site", site)
        .query((rs, row) -> new SitePolicy(site, ZoneId.of(rs.getString("time_zone")),
            json.readValue(rs.getString("settings"), SiteSettings.class).aftercare(), true))
        .optional();
  }
}
