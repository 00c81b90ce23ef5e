package org.rehabnet.monitoring.vitals;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Vital signs of every episode. */
interface VitalSignsRecords extends ListCrudRepository<VitalSigns, UUID> {

  List<VitalSigns> findByEpisodeIdOrderByTakenAtAsc(UUID episodeId);

  Optional<VitalSigns> findFirstByEpisodeIdOrderByTakenAtDesc(UUID episodeId);
}
