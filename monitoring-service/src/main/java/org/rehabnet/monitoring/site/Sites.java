package org.rehabnet.monitoring.site;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventInbox;
import org.rehabnet.platform.events.intake.SiteConfigured;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sites' settings as last announced by intake. A site whose settings have not arrived is not
 * found: every dosing rule then refuses ({@code SITE_NOT_CONFIGURED}); only display and scheduling
 * fall back to {@link SitePolicy#displayDefaults}.
 */
@Service
public class Sites {

  private static final Logger log = LoggerFactory.getLogger(Sites.class);

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final jakarta.validation.Validator validator;
  private final Clock clock;

  Sites(JdbcClient jdbc, JsonMapper json, jakarta.validation.Validator validator, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.validator = validator;
    this.clock = clock;
  }

  /** The site's policy, if its settings have arrived. */
  @Transactional(readOnly = true)
  public Optional<SitePolicy> find(String site) {
    return jdbc.sql("""
            SELECT site, name, time_zone, otp_certified, CAST(settings AS TEXT) AS settings, sequence, changed_by,
                   changed_at
              FROM site_settings WHERE site = :site""")
        .param("site", site)
        .query((rs, row) -> new SitePolicy(rs.getString("site"), rs.getString("name"),
            ZoneId.of(rs.getString("time_zone")), rs.getBoolean("otp_certified"),
            json.readValue(rs.getString("settings"), SiteSettings.class), rs.getLong("sequence"),
            rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
        .optional();
  }

  /** For display and timers only: the site's policy, or the defaults in UTC until it arrives. */
  @Transactional(readOnly = true)
  public SitePolicy forDisplay(String site) {
    return find(site).orElseGet(() -> SitePolicy.displayDefaults(site));
  }

  /**
   * Keeps the announcement if it is newer than what is stored (an outbox resend can deliver an older
   * one late). Runs in the event inbox's transaction. Settings that break their own bounds, or an
   * unknown time zone, are refused as malformed (dead-letter topic) and the site keeps what it had.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void apply(SiteConfigured event) {
    String problem = problemWith(event);
    if (problem != null) {
      throw new EventInbox.MalformedEvent("SiteConfigured for site " + event.site() + " refused: " + problem);
    }
    int changed = jdbc.sql("""
            INSERT INTO site_settings (site, name, time_zone, otp_certified, settings, sequence, changed_by, changed_at,
                                       received_at)
            VALUES (:site, :name, :zone, :otp, CAST(:settings AS JSONB), :sequence, :changedBy, :changedAt, :now)
            ON CONFLICT (site) DO UPDATE
               SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, otp_certified = EXCLUDED.otp_certified,
                   settings = EXCLUDED.settings, sequence = EXCLUDED.sequence, changed_by = EXCLUDED.changed_by,
                   changed_at = EXCLUDED.changed_at, received_at = EXCLUDED.received_at
             WHERE site_settings.sequence < EXCLUDED.sequence""")
        .param("site", event.site())
        .param("name", event.name())
        .param("zone", event.timeZone())
        .param("otp", event.otpCertified())
        .param("settings", json.writeValueAsString(event.settings()))
        .param("sequence", event.metadata().sequence())
        .param("changedBy", event.changedBy())
        .param("changedAt", java.sql.Timestamp.from(event.changedAt()))
        .param("now", java.sql.Timestamp.from(clock.instant()))
        .update();
    if (changed == 0) {
      log.info("Site {} settings version {} is not newer than the stored one: ignored", event.site(),
          event.metadata().sequence());
    } else {
      log.info("Site {} settings now at version {}", event.site(), event.metadata().sequence());
    }
  }

  private @Nullable String problemWith(SiteConfigured event) {
    if (event.site() == null || event.site().isBlank() || event.settings() == null || event.timeZone() == null) {
      return "site, time zone and settings are required";
    }
    try {
      ZoneId.of(event.timeZone());
    } catch (DateTimeException e) {
      return "unknown time zone";
    }
    Set<? extends jakarta.validation.ConstraintViolation<?>> violations = validator.validate(event.settings());
    if (!violations.isEmpty()) {
      return "settings outside their bounds: " + violations.stream()
          .map(v -> v.getPropertyPath().toString()).sorted().toList();
    }
    return null;
  }
}
