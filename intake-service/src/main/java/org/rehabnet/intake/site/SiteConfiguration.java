package org.rehabnet.intake.site;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.intake.SiteConfigured;
import org.rehabnet.platform.events.intake.SiteSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A site as its clinical policy stands: identity, time zone, the whole settings document and its
 * version. Reconfiguring it yields the next version, what changed (path, old and new value) and the
 * {@link SiteConfigured} event whose sequence is that version; nothing at all when nothing changed.
 */
record SiteConfiguration(String code, String name, ZoneId timeZone, boolean otpCertified, SiteSettings settings,
    long version) {

  /** The result of a change: the new state, each changed setting, and the event announcing it. */
  record Reconfiguration(SiteConfiguration configuration, List<SettingChange> changes, SiteConfigured event) {}

  /** Empty when the zone and every setting are as they are; the caller then writes nothing. */
  java.util.Optional<Reconfiguration> reconfigure(ZoneId newZone, SiteSettings newSettings, String by, Instant now,
      JsonMapper json) {
    List<SettingChange> changes = new ArrayList<>();
    if (!timeZone.getId().equals(newZone.getId())) {
      changes.add(new SettingChange("timeZone", json.valueToTree(timeZone.getId()),
          json.valueToTree(newZone.getId())));
    }
    JsonNode before = json.valueToTree(settings);
    JsonNode after = json.valueToTree(newSettings);
    changes.addAll(SettingsDiff.between("settings", before, after));
    if (changes.isEmpty()) {
      return java.util.Optional.empty();
    }
    long next = version + 1;
    SiteConfiguration changed = new SiteConfiguration(code, name, newZone, otpCertified, newSettings, next);
    // The sequence is the settings version: consumers keep the highest per site (docs/events.md).
    SiteConfigured event = new SiteConfigured(EventMetadata.next(now, next), code, name, newZone.getId(),
        otpCertified, newSettings, by, now);
    return java.util.Optional.of(new Reconfiguration(changed, List.copyOf(changes), event));
  }
}
