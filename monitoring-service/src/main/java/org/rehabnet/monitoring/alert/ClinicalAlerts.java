package org.rehabnet.monitoring.alert;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Alerts of every site. */
interface ClinicalAlerts extends ListCrudRepository<ClinicalAlert, UUID> {

  List<ClinicalAlert> findByEpisodeIdOrderByRaisedAtDesc(UUID episodeId);

  @Query("SELECT * FROM clinical_alert WHERE episode_id = :episodeId AND acknowledged_at IS NULL")
  List<ClinicalAlert> findOpen(UUID episodeId);
}
