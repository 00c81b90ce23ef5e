package org.rehabnet.platform.events.intake;

import java.time.Instant;
import java.util.UUID;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;

/** A patient revoked a consent: no further disclosure under it from the moment this is consumed. */
@EventType(value = "rehab.intake.ConsentRevoked.v1", topic = Topics.INTAKE_CONSENTS)
public record ConsentRevoked(
    EventMetadata metadata,
    UUID consentId,
    UUID patientId,
    Instant revokedAt) implements IntegrationEvent {

  @Override
  public String key() {
    return patientId.toString();
  }
}
