package org.rehabnet.aftercare.groups;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which group sessions a person attended, in groups they are enrolled in: what the partner API may
 * disclose under an ATTENDANCE consent. Group notes are never part of it.
 */
@Component
public class AttendanceHistory {

  private final JdbcClient jdbc;

  AttendanceHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One attended session. */
  public record AttendedSession(UUID sessionId, UUID groupId, String groupName, String groupType, String site,
      LocalDate heldOn, LocalTime startsAt, int durationMinutes) {}

  /** Sessions the person was present at, newest first. */
  @Transactional(readOnly = true)
  public List<AttendedSession> attendedBy(UUID patientId) {
    return jdbc.sql("""
            SELECT s.id, g.id AS group_id, g.name, g.type, g.site, s.held_on, g.starts_at, g.duration_minutes
              FROM session_attendance a
              JOIN group_session s ON s.id = a.group_session
              JOIN support_group g ON g.id = s.group_id
              JOIN group_enrolment e ON e.support_group = g.id AND e.patient_id = a.patient_id
             WHERE a.patient_id = :patientId AND a.status = 'PRESENT'
             ORDER BY s.held_on DESC
            """)
        .param("patientId", patientId)
        .query((rs, row) -> new AttendedSession(rs.getObject("id", UUID.class), rs.getObject("group_id", UUID.class),
            rs.getString("name"), rs.getString("type"), rs.getString("site"), rs.getDate("held_on").toLocalDate(),
            rs.getTime("starts_at").toLocalTime(), rs.getInt("duration_minutes")))
        .list();
  }
}
