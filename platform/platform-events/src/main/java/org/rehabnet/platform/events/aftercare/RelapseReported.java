package org.rehabnet.platform.events.aftercare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;

/**
 * A lapse or relapse was reported. The plan stays open; outreach follows.
 *
 * @param kind LAPSE or RELAPSE
 */
@EventType(value = "rehab.aftercare.RelapseReported.v1", topic = Topics.AFTERCARE_ENGAGEMENT)
public record RelapseReported(
    EventMetadata metadata,
    UUID reportId,
    UUID planId,
    UUID patientId,
    String site,
    String kind,
    String substance,
    LocalDate occurredOn,
    boolean overdose,
    boolean naloxoneUsed,
    Instant reportedAt) implements IntegrationEvent {

  @Override
  public String key() {
    return patientId.toString();
  }
}
