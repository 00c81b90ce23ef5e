package org.rehabnet.monitoring.episode;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An episode as the charting features need it: who, where, which day (a calendar day at the site),
 * and the risk facts.
 *
 * @param fentanylExposure a fentanyl-positive or untested screen, or reported fentanyl use
 * @param benzodiazepineRisk benzodiazepines on the screen or reported
 */
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
