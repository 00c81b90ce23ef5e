package org.rehabnet.monitoring.withdrawal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** COWS assessments of every episode. */
interface CowsAssessments extends ListCrudRepository<CowsAssessment, UUID> {

  Optional<CowsAssessment> findFirstByEpisodeIdOrderByAssessedAtDesc(UUID episodeId);

  // Keyset pages of a time window (docs/api.md, "Paging"); the index (episode_id, assessed_at, id) serves all three.
  @Query("SELECT * FROM cows_assessment WHERE episode_id = :episodeId AND assessed_at >= :from AND assessed_at <= :to "
      + "ORDER BY assessed_at ASC, id ASC LIMIT :rows")
  List<CowsAssessment> firstPage(UUID episodeId, Instant from, Instant to, int rows);

  @Query("SELECT * FROM cows_assessment WHERE episode_id = :episodeId AND assessed_at >= :from AND assessed_at <= :to "
      + "AND (assessed_at, id) > (:afterAt, :afterId) ORDER BY assessed_at ASC, id ASC LIMIT :rows")
  List<CowsAssessment> pageAfter(UUID episodeId, Instant from, Instant to, Instant afterAt, UUID afterId, int rows);

  @Query("SELECT count(*) FROM cows_assessment WHERE episode_id = :episodeId AND assessed_at >= :from AND assessed_at <= :to")
  long countInWindow(UUID episodeId, Instant from, Instant to);

  /** A whole window, for the trend: bounded by the window's 31 days at most. */
  @Query("SELECT * FROM cows_assessment WHERE episode_id = :episodeId AND assessed_at >= :from AND assessed_at <= :to "
      + "ORDER BY assessed_at, id")
  List<CowsAssessment> inWindow(UUID episodeId, Instant from, Instant to);
}
