package org.rehabnet.aftercare.relapse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Lapse and relapse reports. */
interface RelapseReports extends ListCrudRepository<RelapseReport, UUID> {

  Optional<RelapseReport> findBySourceAndSourceRecordId(RelapseSource source, UUID sourceRecordId);

  // Keyset pages of a time window (docs/api.md, "Paging"); the index (plan_id, reported_at, id) serves all three.
  @Query("SELECT * FROM relapse_report WHERE plan_id = :planId AND reported_at >= :from AND reported_at <= :to "
      + "ORDER BY reported_at, id LIMIT :rows")
  List<RelapseReport> firstPage(UUID planId, Instant from, Instant to, int rows);

  @Query("SELECT * FROM relapse_report WHERE plan_id = :planId AND reported_at >= :from AND reported_at <= :to "
      + "AND (reported_at, id) > (:afterAt, :afterId) ORDER BY reported_at, id LIMIT :rows")
  List<RelapseReport> pageAfter(UUID planId, Instant from, Instant to, Instant afterAt, UUID afterId, int rows);

  @Query("SELECT count(*) FROM relapse_report WHERE plan_id = :planId AND reported_at >= :from AND reported_at <= :to")
  long countInWindow(UUID planId, Instant from, Instant to);
}
