package org.rehabnet.monitoring.mentalhealth;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** PHQ-9 re-screens of every episode. */
interface Phq9Screenings extends ListCrudRepository<Phq9Screening, UUID> {

  List<Phq9Screening> findByEpisodeIdOrderByScreenedAtAsc(UUID episodeId);
}
