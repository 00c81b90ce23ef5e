package org.rehabnet.monitoring.medication;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.rehabnet.monitoring.episode.OpioidDoses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The MAR's answer to the charting features: when an opioid agonist was last given. */
@Component
class OpioidDoseLog implements OpioidDoses {

  private final JdbcClient jdbc;

  OpioidDoseLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Instant> lastOpioidAgonistDoseAt(UUID episodeId) {
    return jdbc.sql("""
            SELECT given_at FROM medication_administration
             WHERE episode_id = :episodeId AND drug IN ('BUPRENORPHINE', 'METHADONE')
             ORDER BY given_at DESC LIMIT 1""")
        .param("episodeId", episodeId)
        .query(java.sql.Timestamp.class)
        .optional()
        .map(java.sql.Timestamp::toInstant);
  }
}
