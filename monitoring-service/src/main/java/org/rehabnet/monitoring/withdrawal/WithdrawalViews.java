package org.rehabnet.monitoring.withdrawal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Response shapes of the withdrawal chart. */
final class WithdrawalViews {

  record CowsView(UUID assessmentId, UUID episodeId, Instant assessedAt, int total, CowsScale.Band band) {

    static CowsView of(UUID episodeId, CowsAssessment assessment) {
      return new CowsView(assessment.id(), episodeId, assessment.assessedAt(), assessment.total(), assessment.band());
    }
  }

  record ObservationView(UUID observationId, Instant observedAt, @Nullable Poss poss, boolean vomiting,
      boolean insomnia, boolean anxiety, boolean breathingDifficulty) {

    static ObservationView of(SymptomObservation observation) {
      return new ObservationView(observation.id(), observation.observedAt(), observation.poss(),
          observation.vomiting(), observation.insomnia(), observation.anxiety(), observation.breathingDifficulty());
    }
  }

  /** The episode's withdrawal over time, oldest first. */
  record Trend(UUID episodeId, List<CowsView> cows, List<ObservationView> observations) {}

  private WithdrawalViews() {}
}
