package org.rehabnet.monitoring.episode;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the charting features need from the MAR, implemented there: when an opioid agonist
 * (buprenorphine, methadone) was last given, so respiratory depression soon after a dose is an
 * emergency. Declared here so vital signs and withdrawal charting do not depend on medication.
 */
public interface OpioidDoses {

  Optional<Instant> lastOpioidAgonistDoseAt(UUID episodeId);
}
