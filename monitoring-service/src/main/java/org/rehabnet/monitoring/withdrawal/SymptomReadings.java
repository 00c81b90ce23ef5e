package org.rehabnet.monitoring.withdrawal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.rehabnet.monitoring.vitals.ObservedSymptoms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The withdrawal chart's answer to vital-signs charting: the latest POSS and recent vomiting. */
@Component
class SymptomReadings implements ObservedSymptoms {

  private final SymptomObservations observations;
  private final JdbcClient jdbc;

  SymptomReadings(SymptomObservations observations, JdbcClient jdbc) {
    this.observations = observations;
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Sedation> sedationSince(UUID episodeId, Instant since) {
    return observations.latestSedation(episodeId)
        .filter(o -> o.poss() != null && !o.observedAt().isBefore(since))
        .map(o -> new Sedation(o.poss().level(), o.observedAt()));
  }

  @Override
  @Transactional(readOnly = true)
  public boolean vomitingSince(UUID episodeId, Instant since) {
    return jdbc.sql("""
            SELECT EXISTS (SELECT 1 FROM symptom_observation
                            WHERE episode_id = :episodeId AND vomiting AND observed_at >= :since)
                OR EXISTS (SELECT 1 FROM cows_assessment
                            WHERE episode_id = :episodeId AND gi_upset >= :vomiting AND assessed_at >= :since)""")
        .param("episodeId", episodeId)
        .param("since", java.sql.Timestamp.from(since))
        .param("vomiting", WithdrawalService.GI_VOMITING)
        .query(Boolean.class)
        .single();
  }
}
