package org.rehabnet.monitoring.episode;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An episode as the charting features need it: who, where, which day, and the risk facts. */
public record ChartedEpisode(UUID episodeId, UUID patientId, String site, @Nullable String bed, Instant admittedAt,
    int day, @Nullable Integer expectedLengthDays, DetoxEpisode.EpisodeStatus status,
    @Nullable Instant lastShortActingOpioidUseAt, boolean fentanylExposure, boolean benzodiazepineRisk) {

  /**
   * When short-acting opioids were last used: as reported, or, when unknown, no later than the
   * admission (nothing is used on the ward).
   */
  public Instant latestPossibleShortActingOpioidUse() {
    return lastShortActingOpioidUseAt == null ? admittedAt : lastShortActingOpioidUseAt;
  }
}
