package org.rehabnet.monitoring.episode;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A detox episode as the ward sees it: day n of N. This is also the counsellor's summary, so it
 * carries no vital signs, scores or medication.
 */
record EpisodeView(UUID episodeId, UUID admissionId, UUID patientId, String site, @Nullable String bed,
    Instant admittedAt, int day, @Nullable Integer expectedLengthDays, DetoxEpisode.EpisodeStatus status,
    @Nullable Instant dischargedAt, @Nullable DischargeType dischargeType, @Nullable MedicationPlan medicationPlan,
    @Nullable Long version) {

  static EpisodeView of(DetoxEpisode episode, int day) {
    DetoxEpisode.Discharge discharge = episode.discharge();
    return new EpisodeView(episode.id(), episode.admissionId(), episode.patientId(), episode.site(), episode.bed(),
        episode.admittedAt(), day, episode.expectedLengthDays(), episode.status(),
        discharge == null ? null : discharge.dischargedAt(), discharge == null ? null : discharge.dischargeType(),
        discharge == null ? null : discharge.medicationPlan(), episode.version());
  }
}
