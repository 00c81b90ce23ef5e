package org.rehabnet.monitoring.vitals;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** A physician's choice of SpO2 scale for an episode, with who, when and why; the newest one applies. */
@Table("spo2_scale_assignment")
class Spo2ScaleAssignment implements Persistable<UUID> {

  @Transient
  private boolean fresh;

  @Id
  private final UUID id;
  private final UUID episodeId;
  private final Spo2Scale scale;
  private final String reason;
  private final String setBy;
  private final Instant setAt;

  @PersistenceCreator
  Spo2ScaleAssignment(UUID id, UUID episodeId, Spo2Scale scale, String reason, String setBy, Instant setAt) {
    this.id = id;
    this.episodeId = episodeId;
    this.scale = scale;
    this.reason = reason;
    this.setBy = setBy;
    this.setAt = setAt;
  }

  static Spo2ScaleAssignment set(UUID episodeId, SetSpo2Scale request, String physician, Instant now) {
    Spo2ScaleAssignment assignment = new Spo2ScaleAssignment(UUID.randomUUID(), episodeId, request.scale(),
        request.reason(), physician, now);
    assignment.fresh = true;
    return assignment;
  }

  UUID id() {
    return id;
  }

  Spo2Scale scale() {
    return scale;
  }

  String reason() {
    return reason;
  }

  String setBy() {
    return setBy;
  }

  Instant setAt() {
    return setAt;
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
    return "Spo2ScaleAssignment[" + id + " of episode " + episodeId + "]";
  }
}
