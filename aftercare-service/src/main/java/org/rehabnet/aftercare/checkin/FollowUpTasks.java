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
 * Follow-up tasks for counsellors: a missed check-in (one per plan and due date, so a detection run
 * repeated, or run by two instances, adds nothing), or a PHQ-9 item 9 answered above 0 (one per
 * check-in: every positive answer gets its own urgent task, whatever was closed earlier that day).
 */
@Component
class FollowUpTasks {

  enum Reason {
    MISSED_CHECK_IN,
    SELF_HARM_RISK
  }

  /** {@code urgent}: due at once (self-harm risk); {@code checkInId}: the check-in that raised it. */
  record FollowUp(UUID taskId, UUID planId, UUID patientId, String site, Reason reason, boolean urgent,
      LocalDate checkInDueOn, @Nullable UUID checkInId, Instant dueAt, @Nullable Instant completedAt) {}

  private final JdbcClient jdbc;

  FollowUpTasks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A missed check-in's task; true when it is new. */
  boolean missed(PlanRef plan, LocalDate checkInDueOn, Instant dueAt, Instant now) {
    return insert(plan, Reason.MISSED_CHECK_IN, checkInDueOn, null, dueAt, now);
  }

  /** The urgent task of a check-in whose PHQ-9 item 9 is above 0, due now; true when it is new. */
  boolean selfHarmRisk(PlanRef plan, UUID checkInId, LocalDate checkedInOn, Instant now) {
    return insert(plan, Reason.SELF_HARM_RISK, checkedInOn, checkInId, now, now);
  }

  private boolean insert(PlanRef plan, Reason reason, LocalDate checkInDueOn, @Nullable UUID checkInId,
      Instant dueAt, Instant now) {
    return jdbc.sql("""
            INSERT INTO follow_up_task (id, plan_id, patient_id, site, reason, check_in_due_on, check_in_id, due_at,
                                        created_at)
            VALUES (:id, :planId, :patientId, :site, :reason, :dueOn, :checkInId, :dueAt, :now)
            ON CONFLICT DO NOTHING
            """)
        .param("id", UUID.randomUUID())
        .param("planId", plan.planId())
        .param("patientId", plan.patientId())
        .param("site", plan.site())
        .param("reason", reason.name())
        .param("dueOn", checkInDueOn)
        .param("checkInId", checkInId)
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

  /** Open tasks, urgent ones (self-harm risk) first, then by due time. */
  List<FollowUp> openFor(UUID planId) {
    return jdbc.sql("""
            SELECT id, plan_id, patient_id, site, reason, check_in_due_on, check_in_id, due_at
              FROM follow_up_task WHERE plan_id = :planId AND completed_at IS NULL
             ORDER BY reason = 'SELF_HARM_RISK' DESC, due_at
            """)
        .param("planId", planId)
        .query((rs, row) -> {
          Reason reason = Reason.valueOf(rs.getString("reason"));
          return new FollowUp(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
              rs.getObject("patient_id", UUID.class), rs.getString("site"), reason, reason == Reason.SELF_HARM_RISK,
              rs.getDate("check_in_due_on").toLocalDate(), rs.getObject("check_in_id", UUID.class),
              rs.getTimestamp("due_at").toInstant(), null);
        })
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
