package org.rehabnet.aftercare.plan;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Every aftercare plan of the network; each belongs to one site. */
interface AftercarePlans extends ListCrudRepository<AftercarePlan, UUID> {

  boolean existsByEpisodeId(UUID episodeId);

  List<AftercarePlan> findBySiteAndStatus(String site, PlanStatus status);

  List<AftercarePlan> findByStatus(PlanStatus status);

  List<AftercarePlan> findByPatientId(UUID patientId);
}
