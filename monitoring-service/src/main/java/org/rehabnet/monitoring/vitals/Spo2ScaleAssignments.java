package org.rehabnet.monitoring.vitals;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Every SpO2 scale choice, kept: the history shows who changed the scale and why. */
interface Spo2ScaleAssignments extends ListCrudRepository<Spo2ScaleAssignment, UUID> {

  Optional<Spo2ScaleAssignment> findFirstByEpisodeIdOrderBySetAtDesc(UUID episodeId);

  List<Spo2ScaleAssignment> findByEpisodeIdOrderBySetAtAsc(UUID episodeId);
}
