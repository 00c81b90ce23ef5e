package org.rehabnet.platform.events.aftercare;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;

/**
 * A person in aftercare wants to come back for detox; intake opens a readmission referral.
 *
 * @param urgency ROUTINE, URGENT, EMERGENCY
 */
@EventType(value = "rehab.aftercare.ReadmissionRequested.v1", topic = Topics.AFTERCARE_ENGAGEMENT)
public record ReadmissionRequested(
    EventMetadata metadata,
    UUID requestId,
    UUID planId,
    UUID patientId,
    String site,
    @Nullable UUID previousAdmissionId,
    @Nullable UUID relapseReportId,
    String urgency,
    Instant requestedAt) implements IntegrationEvent {

  @Override
  public String key() {
    return patientId.toString();
  }
}
