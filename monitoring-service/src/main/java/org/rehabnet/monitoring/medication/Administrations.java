package org.rehabnet.monitoring.medication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The medication administration record (MAR) of every episode. */
interface Administrations extends ListCrudRepository<Administration, UUID> {

  List<Administration> findByEpisodeIdAndDrugOrderByGivenAtAsc(UUID episodeId, Drug drug);

  // Keyset pages of a time window (docs/api.md, "Paging"); the index (episode_id, given_at, id) serves all three.
  @Query("SELECT * FROM medication_administration WHERE episode_id = :episodeId AND given_at >= :from AND given_at <= :to "
      + "ORDER BY given_at ASC, id ASC LIMIT :rows")
  List<Administration> firstPage(UUID episodeId, Instant from, Instant to, int rows);

  @Query("SELECT * FROM medication_administration WHERE episode_id = :episodeId AND given_at >= :from AND given_at <= :to "
      + "AND (given_at, id) > (:afterAt, :afterId) ORDER BY given_at ASC, id ASC LIMIT :rows")
  List<Administration> pageAfter(UUID episodeId, Instant from, Instant to, Instant afterAt, UUID afterId, int rows);

  @Query("SELECT count(*) FROM medication_administration WHERE episode_id = :episodeId AND given_at >= :from AND given_at <= :to")
  long countInWindow(UUID episodeId, Instant from, Instant to);
}
