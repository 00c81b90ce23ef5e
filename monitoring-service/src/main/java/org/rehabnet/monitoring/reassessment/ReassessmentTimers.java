package org.rehabnet.monitoring.reassessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Timers of every site. Charting moves due times with single UPDATE statements, so a nurse's
 * charting never collides with the overdue check's version.
 */
interface ReassessmentTimers extends ListCrudRepository<ReassessmentTimer, UUID> {

  /** Rows another instance is checking right now are skipped, not waited for. */
  @Query("""
      SELECT * FROM reassessment_timer
       WHERE active AND ((cows_due_at < :now AND NOT cows_overdue_alerted)
                      OR (vitals_due_at < :now AND NOT vitals_overdue_alerted))
       ORDER BY episode_id
       LIMIT 200
         FOR UPDATE SKIP LOCKED""")
  List<ReassessmentTimer> lockOverdue(Instant now);

  @Modifying
  @Query("""
      UPDATE reassessment_timer SET cows_due_at = :dueAt, cows_overdue_alerted = FALSE, last_cows_total = :total,
             version = version + 1
       WHERE episode_id = :episodeId""")
  int cowsCharted(UUID episodeId, Instant dueAt, int total);

  @Modifying
  @Query("""
      UPDATE reassessment_timer SET vitals_due_at = :dueAt, vitals_overdue_alerted = FALSE, version = version + 1
       WHERE episode_id = :episodeId""")
  int vitalsCharted(UUID episodeId, Instant dueAt);

  @Modifying
  @Query("""
      UPDATE reassessment_timer SET induction_until = :until,
             cows_due_at = LEAST(cows_due_at, :cowsDueAt), vitals_due_at = LEAST(vitals_due_at, :vitalsDueAt),
             version = version + 1
       WHERE episode_id = :episodeId AND (induction_until IS NULL OR induction_until < :until)""")
  int inductionStarted(UUID episodeId, Instant until, Instant cowsDueAt, Instant vitalsDueAt);

  /**
   * Brings due times forward, never back, after a dose. An assessment already overdue stays due (and
   * alerted) at its earlier time.
   */
  @Modifying
  @Query("""
      UPDATE reassessment_timer
         SET cows_due_at = LEAST(cows_due_at, :cowsDueAt), vitals_due_at = LEAST(vitals_due_at, :vitalsDueAt),
             version = version + 1
       WHERE episode_id = :episodeId""")
  int postDoseCheck(UUID episodeId, Instant cowsDueAt, Instant vitalsDueAt);

  @Modifying
  @Query("UPDATE reassessment_timer SET active = FALSE, version = version + 1 WHERE episode_id = :episodeId")
  int stop(UUID episodeId);

  @Query("SELECT induction_until FROM reassessment_timer WHERE episode_id = :episodeId")
  @Nullable Instant inductionUntil(UUID episodeId);
}
