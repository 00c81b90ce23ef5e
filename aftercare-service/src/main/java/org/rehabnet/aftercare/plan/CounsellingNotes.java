package org.rehabnet.aftercare.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Individual counselling notes, apart from the plan. */
interface CounsellingNotes extends ListCrudRepository<CounsellingNote, UUID> {

  // Keyset pages of a time window (docs/api.md, "Paging"); the index (plan_id, written_at, id) serves all three.
  @Query("SELECT * FROM counselling_note WHERE plan_id = :planId AND written_at >= :from AND written_at <= :to "
      + "ORDER BY written_at, id LIMIT :rows")
  List<CounsellingNote> firstPage(UUID planId, Instant from, Instant to, int rows);

  @Query("SELECT * FROM counselling_note WHERE plan_id = :planId AND written_at >= :from AND written_at <= :to "
      + "AND (written_at, id) > (:afterAt, :afterId) ORDER BY written_at, id LIMIT :rows")
  List<CounsellingNote> pageAfter(UUID planId, Instant from, Instant to, Instant afterAt, UUID afterId, int rows);

  @Query("SELECT count(*) FROM counselling_note WHERE plan_id = :planId AND written_at >= :from AND written_at <= :to")
  long countInWindow(UUID planId, Instant from, Instant to);
}
