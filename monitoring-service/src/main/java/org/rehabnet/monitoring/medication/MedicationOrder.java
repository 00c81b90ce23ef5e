package org.rehabnet.monitoring.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A physician's order for one drug on one episode: a fixed dose, or a PRN range within which each
 * dose is chosen; nurses give doses against it until it is stopped. A buprenorphine order may carry
 * the physician's documentation for a 12-16 mg first day where the site allows it.
 */
@Table("medication_order")
class MedicationOrder {

  @Id
  private final UUID id;
  private final UUID episodeId;
  private final Drug drug;
  private final @Nullable BigDecimal doseMg;
  private final @Nullable BigDecimal doseMinMg;
  private final @Nullable BigDecimal doseMaxMg;
  private final Route route;
  private final @Nullable BigDecimal documentedDayOneMaxMg;
  private final @Nullable String documentation;
  private Status status;
  private final String orderedBy;
  private final Instant orderedAt;
  private @Nullable String stoppedBy;
  private @Nullable Instant stoppedAt;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  MedicationOrder(UUID id, UUID episodeId, Drug drug, @Nullable BigDecimal doseMg, @Nullable BigDecimal doseMinMg,
      @Nullable BigDecimal doseMaxMg, Route route, @Nullable BigDecimal documentedDayOneMaxMg,
      @Nullable String documentation, Status status, String orderedBy, Instant orderedAt, @Nullable String stoppedBy,
      @Nullable Instant stoppedAt, @Nullable Long version) {
    this.id = id;
    this.episodeId = episodeId;
    this.drug = drug;
    this.doseMg = doseMg;
    this.doseMinMg = doseMinMg;
    this.doseMaxMg = doseMaxMg;
    this.route = route;
    this.documentedDayOneMaxMg = documentedDayOneMaxMg;
    this.documentation = documentation;
    this.status = status;
    this.orderedBy = orderedBy;
    this.orderedAt = orderedAt;
    this.stoppedBy = stoppedBy;
    this.stoppedAt = stoppedAt;
    this.version = version;
  }

  /** The request's form has been checked: a fixed dose or a complete range, documentation with its maximum. */
  static MedicationOrder place(UUID episodeId, OrderMedication request, Instant now, String physician) {
    return new MedicationOrder(UUID.randomUUID(), episodeId, request.drug(), request.doseMg(), request.doseMinMg(),
        request.doseMaxMg(), request.route(), request.documentedDayOneMaxMg(),
        request.documentedDayOneMaxMg() == null ? null : request.documentation(), Status.ACTIVE, physician, now, null,
        null, null);
  }

  void stop(String physician, Instant now) {
    if (status != Status.ACTIVE) {
      throw new OrderNotActive(id);
    }
    this.status = Status.STOPPED;
    this.stoppedBy = physician;
    this.stoppedAt = now;
  }

  /** What the dosing rules compare an administration with. */
  DoseProposal.OrderTerms terms() {
    return new DoseProposal.OrderTerms(drug, doseMg, doseMinMg, doseMaxMg, route, status == Status.ACTIVE,
        documentedDayOneMaxMg);
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

  @Nullable BigDecimal doseMg() {
    return doseMg;
  }

  @Nullable BigDecimal doseMinMg() {
    return doseMinMg;
  }

  @Nullable BigDecimal doseMaxMg() {
    return doseMaxMg;
  }

  Route route() {
    return route;
  }

  @Nullable BigDecimal documentedDayOneMaxMg() {
    return documentedDayOneMaxMg;
  }

  @Nullable String documentation() {
    return documentation;
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
