package org.rehabnet.monitoring.medication;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** The medication administration record (MAR) of every episode. */
interface Administrations extends ListCrudRepository<Administration, UUID> {

  List<Administration> findByEpisodeIdOrderByGivenAtAsc(UUID episodeId);

  List<Administration> findByEpisodeIdAndDrugOrderByGivenAtAsc(UUID episodeId, Drug drug);
}
