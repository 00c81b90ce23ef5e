package org.rehabnet.monitoring.withdrawal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** A nurse's observation between COWS assessments: sedation (POSS), vomiting, insomnia, anxiety, breathing. */
@Table("symptom_observation")
class SymptomObservation implements Persistable<UUID> {

  /** Charted once and never updated: set when built, so saving inserts. */
  @Transient
  private boolean fresh;

  @Id
  private final UUID id;
  private final UUID episodeId;
  private final Instant observedAt;
  private final String observedBy;
  private final @Nullable String poss;
  private final boolean vomiting;
  private final boolean insomnia;
  private final boolean anxiety;
  private final boolean breathingDifficulty;

  @PersistenceCreator
  SymptomObservation(UUID id, UUID episodeId, Instant observedAt, String observedBy, @Nullable String poss,
      boolean vomiting, boolean insomnia, boolean anxiety, boolean breathingDifficulty) {
    this.id = id;
    this.episodeId = episodeId;
    this.observedAt = observedAt;
    this.observedBy = observedBy;
    this.poss = poss;
    this.vomiting = vomiting;
    this.insomnia = insomnia;
    this.anxiety = anxiety;
    this.breathingDifficulty = breathingDifficulty;
  }

  static SymptomObservation observe(UUID episodeId, RecordObservation request, Instant now, String observedBy) {
    SymptomObservation observation = new SymptomObservation(UUID.randomUUID(), episodeId, now, observedBy,
        request.poss() == null ? null : request.poss().code(), request.vomiting(), request.insomnia(),
        request.anxiety(), request.breathingDifficulty());
    observation.fresh = true;
    return observation;
  }

  UUID id() {
    return id;
  }

  Instant observedAt() {
    return observedAt;
  }

  @Nullable Poss poss() {
    return poss == null ? null : Poss.of(poss);
  }

  boolean vomiting() {
    return vomiting;
  }

  boolean insomnia() {
    return insomnia;
  }

  boolean anxiety() {
    return anxiety;
  }

  boolean breathingDifficulty() {
    return breathingDifficulty;
  }

  @Override
  public UUID getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return fresh;
  }

  @Override
  public String toString() {
    return "SymptomObservation[" + id + " of episode " + episodeId + "]";
  }
}
