package org.rehabnet.monitoring.withdrawal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.monitoring.WithdrawalAssessed;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/** One charted COWS; charting it registers {@link WithdrawalAssessed}. */
@Table("cows_assessment")
class CowsAssessment extends AbstractAggregateRoot<CowsAssessment> {

  @Id
  private final UUID id;
  private final UUID episodeId;
  private final Instant assessedAt;
  private final String assessedBy;
  private final int restingPulse;
  private final int sweating;
  private final int restlessness;
  private final int pupilSize;
  private final int boneJointAches;
  private final int runnyNose;
  private final int giUpset;
  private final int tremor;
  private final int yawning;
  private final int anxiety;
  private final int gooseflesh;
  private final int total;
  private final CowsScale.Band band;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  CowsAssessment(UUID id, UUID episodeId, Instant assessedAt, String assessedBy, int restingPulse, int sweating,
      int restlessness, int pupilSize, int boneJointAches, int runnyNose, int giUpset, int tremor, int yawning,
      int anxiety, int gooseflesh, int total, CowsScale.Band band, @Nullable Long version) {
    this.id = id;
    this.episodeId = episodeId;
    this.assessedAt = assessedAt;
    this.assessedBy = assessedBy;
    this.restingPulse = restingPulse;
    this.sweating = sweating;
    this.restlessness = restlessness;
    this.pupilSize = pupilSize;
    this.boneJointAches = boneJointAches;
    this.runnyNose = runnyNose;
    this.giUpset = giUpset;
    this.tremor = tremor;
    this.yawning = yawning;
    this.anxiety = anxiety;
    this.gooseflesh = gooseflesh;
    this.total = total;
    this.band = band;
    this.version = version;
  }

  /** Refuses any item value outside its anchors before anything is built. */
  static CowsAssessment chart(UUID episodeId, UUID patientId, String site, RecordCows request, Instant now,
      String assessedBy) {
    Map<CowsScale.Item, Integer> scores = CowsScale.scores(request);
    var invalid = CowsScale.invalidItems(scores);
    if (!invalid.isEmpty()) {
      throw new InvalidCowsItems(invalid);
    }
    int total = CowsScale.total(scores);
    CowsScale.Band band = CowsScale.band(total);
    CowsAssessment assessment = new CowsAssessment(UUID.randomUUID(), episodeId, now, assessedBy,
        request.restingPulse(), request.sweating(), request.restlessness(), request.pupilSize(),
        request.boneJointAches(), request.runnyNose(), request.giUpset(), request.tremor(), request.yawning(),
        request.anxiety(), request.gooseflesh(), total, band, null);
    assessment.registerEvent(new WithdrawalAssessed(EventMetadata.forAggregate(now, null), episodeId, patientId, site, total,
        band.name(), now));
    return assessment;
  }

  UUID id() {
    return id;
  }

  Instant assessedAt() {
    return assessedAt;
  }

  int total() {
    return total;
  }

  CowsScale.Band band() {
    return band;
  }

  int giUpset() {
    return giUpset;
  }

  @Override
  public String toString() {
    return "CowsAssessment[" + id + " of episode " + episodeId + "]";
  }
}
