package org.rehabnet.monitoring.vitals;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Vital signs of every episode. */
interface VitalSignsRecords extends ListCrudRepository<VitalSigns, UUID> {

  Optional<VitalSigns> findFirstByEpisodeIdOrderByTakenAtDesc(UUID episodeId);
}
