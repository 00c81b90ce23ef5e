package org.rehabnet.platform.events.intake;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;

/**
 * A person was registered with the network. The minimum identifying data travels here, on its own
 * topic, so services that must show or disclose identity (aftercare's partner API, with consent)
 * keep their own copy; clinical events carry only the patient id.
 */
@EventType(value = "rehab.intake.PatientRegistered.v1", topic = Topics.INTAKE_PATIENTS)
public record PatientRegistered(
    EventMetadata metadata,
    UUID patientId,
    String mrn,
    String givenName,
    String familyName,
    LocalDate dateOfBirth,
    @Nullable String administrativeGender,
    String registeredAtSite) implements IntegrationEvent {

  @Override
  public String key() {
    return patientId.toString();
  }

  @Override
  public String toString() {
    return "PatientRegistered[" + patientId + "]";
  }
}
