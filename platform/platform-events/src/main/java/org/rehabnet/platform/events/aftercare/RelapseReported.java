package org.rehabnet.platform.events.aftercare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;
import org.rehabnet.platform.events.clinical.Substance;

/**
 * A lapse or relapse was reported. The plan stays open; outreach follows.
 *
 * @param kind LAPSE or RELAPSE
 * @param urgency ROUTINE, URGENT or EMERGENCY (an overdose, naloxone used, or reported as an emergency):
 *     the outreach is due within the site's urgent window for EMERGENCY, its relapse window otherwise
 * @param source who or what reported it: STAFF_REPORT, CHECK_IN (use reported at a recovery check-in)
 *     or CONTINGENCY_SCREEN (a positive screen in contingency management)
 */
@EventType(value = "rehab.aftercare.RelapseReported.v1", topic = Topics.AFTERCARE_ENGAGEMENT)
public record RelapseReported(
    EventMetadata metadata,
    UUID reportId,
    UUID planId,
    UUID patientId,
    String site,
    String kind,
    Substance substance,
    LocalDate occurredOn,
    boolean overdose,
    boolean naloxoneUsed,
    String urgency,
    String source,
    Instant reportedAt) implements IntegrationEvent {

  @Override
  public String key() {
    return patientId.toString();
  }
}
