package org.rehabnet.platform.events.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;

/**
 * A patient's identifying details were corrected at intake (a misspelt name, a wrong birth date).
 * The whole corrected identity travels, so a service holding a copy replaces it; consumers keep
 * the newest by {@code metadata.sequence} (the patient's version). The MRN never changes.
 */
@EventType(value = "rehab.intake.PatientDetailsCorrected.v1", topic = Topics.INTAKE_PATIENTS)
public record PatientDetailsCorrected(
    EventMetadata metadata,
    UUID patientId,
    String mrn,
    String givenName,
    String familyName,
    LocalDate dateOfBirth,
    @Nullable String administrativeGender,
    Instant correctedAt) implements IntegrationEvent {

  @Override
  public String key() {
    return patientId.toString();
  }

  @Override
  public String toString() {
    return "PatientDetailsCorrected[" + patientId + "]";
  }
}
