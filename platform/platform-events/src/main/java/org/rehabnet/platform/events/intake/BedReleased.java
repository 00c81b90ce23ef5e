package org.rehabnet.platform.events.intake;

import java.time.Instant;
import java.util.UUID;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;

/** A bed became free again (the patient was discharged or the admission withdrawn). */
@EventType(value = "rehab.intake.BedReleased.v1", topic = Topics.INTAKE_ADMISSIONS)
public record BedReleased(
    EventMetadata metadata,
    UUID admissionId,
    UUID patientId,
    String site,
    String bed,
    Instant releasedAt) implements IntegrationEvent {

  @Override
  public String key() {
    return patientId.toString();
  }
}
