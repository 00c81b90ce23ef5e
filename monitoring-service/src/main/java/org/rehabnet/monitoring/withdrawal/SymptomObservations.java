package org.rehabnet.monitoring.withdrawal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Symptom observations of every episode. */
interface SymptomObservations extends ListCrudRepository<SymptomObservation, UUID> {

  @Query("""
      SELECT * FROM symptom_observation WHERE episode_id = :episodeId AND poss IS NOT NULL
       ORDER BY observed_at DESC LIMIT 1""")
  Optional<SymptomObservation> latestSedation(UUID episodeId);

  // Keyset pages of a time window (docs/api.md, "Paging"); the index (episode_id, observed_at, id) serves all three.
  @Query("SELECT * FROM symptom_observation WHERE episode_id = :episodeId AND observed_at >= :from AND observed_at <= :to "
      + "ORDER BY observed_at ASC, id ASC LIMIT :rows")
  List<SymptomObservation> firstPage(UUID episodeId, Instant from, Instant to, int rows);

  @Query("SELECT * FROM symptom_observation WHERE episode_id = :episodeId AND observed_at >= :from AND observed_at <= :to "
      + "AND (observed_at, id) > (:afterAt, :afterId) ORDER BY observed_at ASC, id ASC LIMIT :rows")
  List<SymptomObservation> pageAfter(UUID episodeId, Instant from, Instant to, Instant afterAt, UUID afterId, int rows);

  @Query("SELECT count(*) FROM symptom_observation WHERE episode_id = :episodeId AND observed_at >= :from AND observed_at <= :to")
  long countInWindow(UUID episodeId, Instant from, Instant to);

  /** A whole window, for the trend: bounded by the window's 31 days at most. */
  @Query("SELECT * FROM symptom_observation WHERE episode_id = :episodeId AND observed_at >= :from AND observed_at <= :to "
      + "ORDER BY observed_at, id")
  List<SymptomObservation> inWindow(UUID episodeId, Instant from, Instant to);
}
