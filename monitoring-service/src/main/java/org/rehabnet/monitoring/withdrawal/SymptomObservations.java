package org.rehabnet.monitoring.withdrawal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Symptom observations of every episode. */
interface SymptomObservations extends ListCrudRepository<SymptomObservation, UUID> {

  List<SymptomObservation> findByEpisodeIdOrderByObservedAtAsc(UUID episodeId);

  @Query("""
      SELECT * FROM symptom_observation WHERE episode_id = :episodeId AND poss IS NOT NULL
       ORDER BY observed_at DESC LIMIT 1""")
  Optional<SymptomObservation> latestSedation(UUID episodeId);
}
