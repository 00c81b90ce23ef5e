package org.rehabnet.aftercare.groups;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** One person's attendance at one session. */
@Table("session_attendance")
record Attendance(UUID patientId, Status status, String recordedBy, Instant recordedAt) {

  enum Status {
    PRESENT,
    ABSENT,
    EXCUSED
  }
}
