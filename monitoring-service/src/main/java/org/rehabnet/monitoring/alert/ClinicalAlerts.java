package org.rehabnet.monitoring.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Alerts of every site. */
interface ClinicalAlerts extends ListCrudRepository<ClinicalAlert, UUID> {

  @Query("SELECT * FROM clinical_alert WHERE episode_id = :episodeId AND acknowledged_at IS NULL")
  List<ClinicalAlert> findOpen(UUID episodeId);

  // Keyset pages of a time window (docs/api.md, "Paging"); the index (episode_id, raised_at, id) serves all three.
  @Query("SELECT * FROM clinical_alert WHERE episode_id = :episodeId AND raised_at >= :from AND raised_at <= :to "
      + "ORDER BY raised_at DESC, id DESC LIMIT :rows")
  List<ClinicalAlert> firstPage(UUID episodeId, Instant from, Instant to, int rows);

  @Query("SELECT * FROM clinical_alert WHERE episode_id = :episodeId AND raised_at >= :from AND raised_at <= :to "
      + "AND (raised_at, id) < (:afterAt, :afterId) ORDER BY raised_at DESC, id DESC LIMIT :rows")
  List<ClinicalAlert> pageAfter(UUID episodeId, Instant from, Instant to, Instant afterAt, UUID afterId, int rows);

  @Query("SELECT count(*) FROM clinical_alert WHERE episode_id = :episodeId AND raised_at >= :from AND raised_at <= :to")
  long countInWindow(UUID episodeId, Instant from, Instant to);
}
