package org.rehabnet.aftercare.groups;

import java.sql.ResultSet;
import java.sql.SQLException;
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

  // The sessions a person was present at in groups they are enrolled in, newest first: session date, then
  // session id (two groups may meet on the same day), so that a keyset page resumes exactly.
  private static final String SELECT = """
      SELECT s.id, g.id AS group_id, g.name, g.type, g.site, s.held_on, g.starts_at, g.duration_minutes
      """;
  private static final String ATTENDED = """
        FROM session_attendance a
        JOIN group_session s ON s.id = a.group_session
        JOIN support_group g ON g.id = s.group_id
        JOIN group_enrolment e ON e.support_group = g.id AND e.patient_id = a.patient_id
       WHERE a.patient_id = :patientId AND a.status = 'PRESENT'
      """;
  private static final String NEWEST_FIRST = " ORDER BY s.held_on DESC, s.id DESC LIMIT :rows";

  /** The first {@code rows} sessions the person was present at, newest first. */
  @Transactional(readOnly = true)
  public List<AttendedSession> attendedBy(UUID patientId, int rows) {
    return jdbc.sql(SELECT + ATTENDED + NEWEST_FIRST)
        .param("patientId", patientId)
        .param("rows", rows)
        .query(AttendanceHistory::map)
        .list();
  }

  /** The next {@code rows} of them after the session held on {@code afterOn} with id {@code afterSession}. */
  @Transactional(readOnly = true)
  public List<AttendedSession> attendedAfter(UUID patientId, LocalDate afterOn, UUID afterSession, int rows) {
    return jdbc.sql(SELECT + ATTENDED + " AND (s.held_on, s.id) < (:afterOn, :afterSession)" + NEWEST_FIRST)
        .param("patientId", patientId)
        .param("afterOn", afterOn)
        .param("afterSession", afterSession)
        .param("rows", rows)
        .query(AttendanceHistory::map)
        .list();
  }

  /** How many sessions the person was present at: the whole of what the pages hold. */
  @Transactional(readOnly = true)
  public long countAttendedBy(UUID patientId) {
    return jdbc.sql("SELECT count(*)" + ATTENDED).param("patientId", patientId).query(Long.class).single();
  }

  private static AttendedSession map(ResultSet rs, int row) throws SQLException {
    return new AttendedSession(rs.getObject("id", UUID.class), rs.getObject("group_id", UUID.class),
        rs.getString("name"), rs.getString("type"), rs.getString("site"), rs.getDate("held_on").toLocalDate(),
        rs.getTime("starts_at").toLocalTime(), rs.getInt("duration_minutes"));
  }
}
