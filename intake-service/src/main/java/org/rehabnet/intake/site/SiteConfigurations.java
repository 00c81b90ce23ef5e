package org.rehabnet.intake.site;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Where site configurations and their append-only history live ({@code site}, {@code site_settings_change*}). */
@Component
class SiteConfigurations {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  SiteConfigurations(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The site as it stands, empty for an unknown site; throws {@link SiteNotConfigured} without settings. */
  Optional<SiteConfiguration> find(String code) {
    return load(code, false);
  }

  /** The same, with the row locked until the transaction ends, so two changes of one site serialise. */
  Optional<SiteConfiguration> lock(String code) {
    return load(code, true);
  }

  private Optional<SiteConfiguration> load(String code, boolean forUpdate) {
    if (!Sites.isCode(code)) {
      return Optional.empty();
    }
    return jdbc.sql("""
            SELECT code, name, time_zone, otp_certified, CAST(settings AS TEXT) AS settings, settings_version
            FROM site WHERE code = :code
            """ + (forUpdate ? " FOR UPDATE" : ""))
        .param("code", code)
        .query((rs, row) -> {
          String settings = rs.getString("settings");
          if (settings == null) {
            throw new SiteNotConfigured(code);
          }
          return new SiteConfiguration(rs.getString("code"), rs.getString("name"), ZoneId.of(rs.getString("time_zone")),
              rs.getBoolean("otp_certified"), json.readValue(settings, SiteSettings.class),
              rs.getLong("settings_version"));
        })
        .optional();
  }

  /** Stores the new version; it is announced in the same transaction, so it counts as published. */
  void save(SiteConfiguration site) {
    jdbc.sql("""
            UPDATE site SET time_zone = :zone, settings = CAST(:settings AS JSONB), settings_version = :version,
                            published_version = :version
            WHERE code = :code
            """)
        .param("zone", site.timeZone().getId())
        .param("settings", json.writeValueAsString(site.settings()))
        .param("version", site.version())
        .param("code", site.code())
        .update();
  }

  void recordChange(String site, long version, String kind, String by, Instant at, @Nullable String requestId,
      List<SettingChange> changes) {
    jdbc.sql("""
            INSERT INTO site_settings_change (site, version, kind, changed_by, changed_at, request_id)
            VALUES (:site, :version, :kind, :by, :at, :requestId)
            ON CONFLICT DO NOTHING
            """)
        .param("site", site)
        .param("version", version)
        .param("kind", kind)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .param("requestId", requestId)
        .update();
    int position = 0;
    for (SettingChange change : changes) {
      jdbc.sql("""
              INSERT INTO site_settings_change_field (site, version, position, path, old_value, new_value)
              VALUES (:site, :version, :position, :path, CAST(:old AS JSONB), CAST(:new AS JSONB))
              """)
          .param("site", site)
          .param("version", version)
          .param("position", position++)
          .param("path", change.path())
          .param("old", change.oldValue() == null ? null : json.writeValueAsString(change.oldValue()))
          .param("new", change.newValue() == null ? null : json.writeValueAsString(change.newValue()))
          .update();
    }
  }

  /** Who made the version and when, if it is recorded. */
  Optional<Versioned> madeBy(String site, long version) {
    return jdbc.sql("SELECT changed_by, changed_at FROM site_settings_change WHERE site = :site AND version = :version")
        .param("site", site)
        .param("version", version)
        .query((rs, row) -> new Versioned(rs.getString("changed_by"),
            rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
        .optional();
  }

  /** Every recorded version, newest first, each with its changed settings in document order. */
  List<SettingsHistoryEntry> history(String site) {
    Map<Long, SettingsHistoryEntry> entries = new LinkedHashMap<>();
    jdbc.sql("""
            SELECT version, kind, changed_by, changed_at FROM site_settings_change
            WHERE site = :site ORDER BY version DESC
            """)
        .param("site", site)
        .query((rs, row) -> new SettingsHistoryEntry(rs.getLong("version"), rs.getString("kind"),
            rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
            new ArrayList<>()))
        .list()
        .forEach(entry -> entries.put(entry.version(), entry));
    jdbc.sql("""
            SELECT version, path, CAST(old_value AS TEXT) AS old_value, CAST(new_value AS TEXT) AS new_value
            FROM site_settings_change_field WHERE site = :site ORDER BY version DESC, position
            """)
        .param("site", site)
        .query((rs, row) -> {
          SettingsHistoryEntry entry = entries.get(rs.getLong("version"));
          if (entry != null) {
            entry.changes().add(new SettingsHistoryEntry.Change(rs.getString("path"), tree(rs.getString("old_value")),
                tree(rs.getString("new_value"))));
          }
          return entry;
        })
        .list();
    return List.copyOf(entries.values());
  }

  private @Nullable JsonNode tree(@Nullable String value) {
    return value == null ? null : json.readTree(value);
  }

  /** Who made a version, and when. */
  record Versioned(String changedBy, Instant changedAt) {}
}
