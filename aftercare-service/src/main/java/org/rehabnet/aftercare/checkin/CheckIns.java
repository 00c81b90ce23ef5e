package org.rehabnet.aftercare.checkin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Recorded check-ins. */
interface CheckIns extends ListCrudRepository<CheckIn, UUID> {

  List<CheckIn> findByPlanIdOrderByCheckedInOn(UUID planId);

  // Keyset pages of a time window (docs/api.md, "Paging"), by when each was recorded: a check-in
  // may be back-dated, but the instant it was recorded is what a cursor can resume after. The index
  // (plan_id, recorded_at, id) serves all three.
  @Query("SELECT * FROM check_in WHERE plan_id = :planId AND recorded_at >= :from AND recorded_at <= :to "
      + "ORDER BY recorded_at, id LIMIT :rows")
  List<CheckIn> firstPage(UUID planId, Instant from, Instant to, int rows);

  @Query("SELECT * FROM check_in WHERE plan_id = :planId AND recorded_at >= :from AND recorded_at <= :to "
      + "AND (recorded_at, id) > (:afterAt, :afterId) ORDER BY recorded_at, id LIMIT :rows")
  List<CheckIn> pageAfter(UUID planId, Instant from, Instant to, Instant afterAt, UUID afterId, int rows);

  @Query("SELECT count(*) FROM check_in WHERE plan_id = :planId AND recorded_at >= :from AND recorded_at <= :to")
  long countInWindow(UUID planId, Instant from, Instant to);
}
