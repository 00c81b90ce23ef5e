package org.rehabnet.monitoring.episode;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Detox episodes of every site. */
interface DetoxEpisodes extends ListCrudRepository<DetoxEpisode, UUID> {

  Optional<DetoxEpisode> findByAdmissionId(UUID admissionId);

  boolean existsByAdmissionId(UUID admissionId);
}
