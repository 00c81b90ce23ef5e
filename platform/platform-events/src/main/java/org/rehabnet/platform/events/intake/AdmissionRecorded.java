package org.rehabnet.platform.events.intake;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;

/**
 * A patient was admitted to a site for inpatient detox. Monitoring opens the detox episode from it.
 * Identity and clinical detail stay in intake; this carries only what the chart needs to start.
 */
@EventType(value = "rehab.intake.AdmissionRecorded.v1", topic = Topics.INTAKE_ADMISSIONS)
public record AdmissionRecorded(
    EventMetadata metadata,
    UUID admissionId,
    UUID patientId,
    String site,
    @Nullable String bed,
    Instant admittedAt,
    @Nullable Integer expectedLengthDays) implements IntegrationEvent {

  @Override
  public String key() {
    return patientId.toString();
  }
}
