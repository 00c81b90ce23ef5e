package org.rehabnet.aftercare.checkin;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.plan.PlanRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follow-up tasks for counsellors: a missed check-in, or a PHQ-9 item 9 answered above 0. One task per
 * plan, reason and due date, so a detection run repeated (or run by two instances) adds nothing.
 */
@Component
class FollowUpTasks {

  enum Reason {
    MISSED_CHECK_IN,
    SELF_HARM_RISK
  }

  record FollowUp(UUID taskId, UUID planId, UUID patientId, String site, Reason reason, LocalDate checkInDueOn,
      Instant dueAt, @Nullable Instant completedAt) {}

  private final JdbcClient jdbc;

  FollowUpTasks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** True when the task is new. */
  boolean raise(PlanRef plan, Reason reason, LocalDate checkInDueOn, Instant dueAt, Instant now) {
    return jdbc.sql("""
            INSERT INTO follow_up_task (id, plan_id, patient_id, site, reason, check_in_due_on, due_at, created_at)
            VALUES (:id, :planId, :patientId, :site, :reason, :dueOn, :dueAt, :now)
            ON CONFLICT (plan_id, reason, check_in_due_on) DO NOTHING
            """)
        .param("id", UUID.randomUUID())
        .param("planId", plan.planId())
        .param("patientId", plan.patientId())
        .param("site", plan.site())
        .param("reason", reason.name())
        .param("dueOn", checkInDueOn)
        .param("dueAt", Timestamp.from(dueAt))
        .param("now", Timestamp.from(now))
        .update() == 1;
  }

  /** True when an open task of the plan was closed now. */
  boolean done(UUID planId, UUID taskId, Instant now) {
    return jdbc.sql("UPDATE follow_up_task SET completed_at = :now"
            + " WHERE id = :id AND plan_id = :planId AND completed_at IS NULL")
        .param("now", Timestamp.from(now))
        .param("id", taskId)
        .param("planId", planId)
        .update() == 1;
  }

  List<FollowUp> openFor(UUID planId) {
    return jdbc.sql("""
            SELECT id, plan_id, patient_id, site, reason, check_in_due_on, due_at, completed_at
              FROM follow_up_task WHERE plan_id = :planId AND completed_at IS NULL ORDER BY due_at
            """)
        .param("planId", planId)
        .query((rs, row) -> new FollowUp(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
            rs.getObject("patient_id", UUID.class), rs.getString("site"), Reason.valueOf(rs.getString("reason")),
            rs.getDate("check_in_due_on").toLocalDate(), rs.getTimestamp("due_at").toInstant(), null))
        .list();
  }

  List<LocalDate> tasked(UUID planId, Reason reason) {
    return jdbc.sql("SELECT check_in_due_on FROM follow_up_task WHERE plan_id = :planId AND reason = :reason")
        .param("planId", planId)
        .param("reason", reason.name())
        .query(LocalDate.class)
        .list();
  }
}
