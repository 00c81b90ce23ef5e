package org.rehabnet.monitoring.episode;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A detox episode as the ward sees it: day n of N. */
record EpisodeView(UUID episodeId, UUID admissionId, UUID patientId, String site, @Nullable String bed,
    Instant admittedAt, int day, @Nullable Integer expectedLengthDays, DetoxEpisode.EpisodeStatus status) {

  static EpisodeView of(DetoxEpisode episode, int day) {
    return new EpisodeView(episode.id(), episode.admissionId(), episode.patientId(), episode.site(), episode.bed(),
        episode.admittedAt(), day, episode.expectedLengthDays(), episode.status());
  }
}
