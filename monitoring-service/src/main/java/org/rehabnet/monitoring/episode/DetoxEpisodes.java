package org.rehabnet.monitoring.episode;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Detox episodes of every site. */
interface DetoxEpisodes extends ListCrudRepository<DetoxEpisode, UUID> {

  Optional<DetoxEpisode> findByAdmissionId(UUID admissionId);

  boolean existsByAdmissionId(UUID admissionId);

  List<DetoxEpisode> findBySiteAndStatusOrderByBed(String site, DetoxEpisode.EpisodeStatus status);

  @Query("SELECT * FROM detox_episode WHERE id = :id FOR SHARE")
  Optional<DetoxEpisode> lockForCharting(UUID id);

  @Query("SELECT * FROM detox_episode WHERE id = :id FOR UPDATE")
  Optional<DetoxEpisode> lockForDosing(UUID id);
}
