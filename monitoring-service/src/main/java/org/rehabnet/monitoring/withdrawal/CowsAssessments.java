package org.rehabnet.monitoring.withdrawal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** COWS assessments of every episode. */
interface CowsAssessments extends ListCrudRepository<CowsAssessment, UUID> {

  List<CowsAssessment> findByEpisodeIdOrderByAssessedAtAsc(UUID episodeId);

  Optional<CowsAssessment> findFirstByEpisodeIdOrderByAssessedAtDesc(UUID episodeId);
}
