package org.rehabnet.platform.events.aftercare;

import java.time.LocalDate;
import java.util.UUID;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.EventType;
import org.rehabnet.platform.events.IntegrationEvent;
import org.rehabnet.platform.events.Topics;

/**
 * A person's attendance at one group session.
 *
 * @param status PRESENT, ABSENT, EXCUSED
 */
@EventType(value = "rehab.aftercare.AttendanceRecorded.v1", topic = Topics.AFTERCARE_ENGAGEMENT)
public record AttendanceRecorded(
    EventMetadata metadata,
    UUID sessionId,
    UUID groupId,
    UUID patientId,
    LocalDate sessionDate,
    String status) implements IntegrationEvent {

  @Override
  public String key() {
    return patientId.toString();
  }
}
