package org.rehabnet.intake.site;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.intake.SiteConfigured;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces every site's settings that the services have not been told yet: at the first start a
 * site gets the defaults of docs/clinical-rules.md, and a version not yet published (a crash between
 * a change and its announcement cannot happen, they commit together; a restored backup can) goes out
 * at the next start. Rows are locked, so instances starting together send each version once.
 */
@Component
class SiteSettingsPublication {

  private static final Logger log = LoggerFactory.getLogger(SiteSettingsPublication.class);
  static final String SYSTEM = "system";
  static final String INITIAL = "INITIAL";

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final ApplicationEventPublisher events;
  private final SiteConfigurations history;
  private final Clock clock;

  SiteSettingsPublication(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events,
      SiteConfigurations history, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.events = events;
    this.history = history;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void announceUnpublished() {
    List<Row> rows = jdbc.sql("""
            SELECT code, name, time_zone, otp_certified, CAST(settings AS TEXT) AS settings, settings_version
            FROM site
            WHERE settings IS NULL OR published_version IS DISTINCT FROM settings_version
            ORDER BY code FOR UPDATE
            """)
        .query(Row.class)
        .list();
    Instant now = clock.instant();
    for (Row row : rows) {
      SiteSettings settings = row.settings() == null ? SiteSettings.defaults()
          : json.readValue(row.settings(), SiteSettings.class);
      long version = row.settings() == null ? row.settingsVersion() + 1 : row.settingsVersion();
      jdbc.sql("""
              UPDATE site SET settings = CAST(:settings AS JSONB), settings_version = :version,
                              published_version = :version
              WHERE code = :code
              """)
          .param("settings", json.writeValueAsString(settings))
          .param("version", version)
          .param("code", row.code())
          .update();
      if (row.settings() == null) {
        // The first version of a site is the defaults: its history starts here, made by the system.
        history.recordChange(row.code(), version, INITIAL, SYSTEM, now, null, List.of());
      }
      events.publishEvent(new SiteConfigured(EventMetadata.next(now, version), row.code(), row.name(),
          row.timeZone(), row.otpCertified(), settings, SYSTEM, now));
      log.info("Announced the settings of site {} at version {}", row.code(), version);
    }
  }

  record Row(String code, String name, String timeZone, boolean otpCertified, @Nullable String settings,
      long settingsVersion) {}
}
