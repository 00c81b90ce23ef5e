package org.rehabnet.monitoring.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A physician's order for one drug on one episode; nurses give doses against it until it is stopped. */
@Table("medication_order")
class MedicationOrder {

  @Id
  private final UUID id;
  private final UUID episodeId;
  private final Drug drug;
  private final BigDecimal doseMg;
  private final String route;
  private Status status;
  private final String orderedBy;
  private final Instant orderedAt;
  private @Nullable String stoppedBy;
  private @Nullable Instant stoppedAt;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  MedicationOrder(UUID id, UUID episodeId, Drug drug, BigDecimal doseMg, String route, Status status,
      String orderedBy, Instant orderedAt, @Nullable String stoppedBy, @Nullable Instant stoppedAt,
      @Nullable Long version) {
    this.id = id;
    this.episodeId = episodeId;
    this.drug = drug;
    this.doseMg = doseMg;
    this.route = route;
    this.status = status;
    this.orderedBy = orderedBy;
    this.orderedAt = orderedAt;
    this.stoppedBy = stoppedBy;
    this.stoppedAt = stoppedAt;
    this.version = version;
  }

  static MedicationOrder place(UUID episodeId, OrderMedication request, Instant now, String physician) {
    return new MedicationOrder(UUID.randomUUID(), episodeId, request.drug(), request.doseMg(), request.route(),
        Status.ACTIVE, physician, now, null, null, null);
  }

  void stop(String physician, Instant now) {
    if (status != Status.ACTIVE) {
      throw new OrderNotActive(id);
    }
    this.status = Status.STOPPED;
    this.stoppedBy = physician;
    this.stoppedAt = now;
  }

  void requireActive() {
    if (status != Status.ACTIVE) {
      throw new OrderNotActive(id);
    }
  }

  UUID id() {
    return id;
  }

  UUID episodeId() {
    return episodeId;
  }

  Drug drug() {
    return drug;
  }

  BigDecimal doseMg() {
    return doseMg;
  }

  String route() {
    return route;
  }

  Status status() {
    return status;
  }

  String orderedBy() {
    return orderedBy;
  }

  Instant orderedAt() {
    return orderedAt;
  }

  @Nullable Long version() {
    return version;
  }

  @Override
  public String toString() {
    return "MedicationOrder[" + id + " of episode " + episodeId + "]";
  }

  enum Status {
    ACTIVE,
    STOPPED
  }
}
