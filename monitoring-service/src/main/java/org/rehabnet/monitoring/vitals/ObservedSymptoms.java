package org.rehabnet.monitoring.vitals;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What vital-signs charting needs from the withdrawal chart, implemented there (so this feature does
 * not depend on it): the latest POSS and whether vomiting was charted recently.
 */
public interface ObservedSymptoms {

  /** The latest charted POSS level (S counts 0) and when, if charted at or after {@code since}. */
  Optional<Sedation> sedationSince(UUID episodeId, Instant since);

  /** Vomiting charted at or after {@code since}: COWS GI upset 3 or more, or a vomiting observation. */
  boolean vomitingSince(UUID episodeId, Instant since);

  record Sedation(int level, Instant observedAt) {}
}
