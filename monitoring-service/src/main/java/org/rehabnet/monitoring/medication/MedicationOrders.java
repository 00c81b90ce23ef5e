package org.rehabnet.monitoring.medication;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Medication orders of every episode. */
interface MedicationOrders extends ListCrudRepository<MedicationOrder, UUID> {

  List<MedicationOrder> findByEpisodeIdOrderByOrderedAtAsc(UUID episodeId);
}
