package org.rehabnet.platform.events.intake;

import java.time.Instant;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;

/**
 * A site's identity and whole clinical policy as it now stands: sent when intake first publishes a
 * site and after every change. State, not a delta: a consumer keeps the newest by
 * {@code metadata.sequence} (the settings' version) and can rebuild from the compacted topic alone.
 *
 * @param timeZone the IANA zone of the site: treatment days, check-in dates, milestones and group
 *     sessions are calendar days there
 * @param otpCertified a certified opioid treatment program (42 CFR 8): methadone may be ordered
 * @param changedBy who made the change (a username), or {@code system} for the first publication
 */
@EventType(value = "rehab.intake.SiteConfigured.v1", topic = Topics.INTAKE_SITES)
public record SiteConfigured(
    EventMetadata metadata,
    String site,
    String name,
    String timeZone,
    boolean otpCertified,
    SiteSettings settings,
    String changedBy,
    Instant changedAt) implements IntegrationEvent {

  /** Keyed by site, so one site's versions stay in order and compaction keeps the latest. */
  @Override
  public String key() {
    return site;
  }

}
