package org.rehabnet.monitoring.episode;

import java.util.Optional;
import java.util.UUID;

/**
 * What discharge needs from the withdrawal chart, implemented there: the episode does not depend on
 * the features that chart on it.
 */
public interface WithdrawalScores {

  Optional<Integer> lastCowsTotal(UUID episodeId);
}
