package org.rehabnet.monitoring.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** One line of the MAR: a dose given, and the physician's override if a rule was set aside. */
@Table("medication_administration")
class Administration implements Persistable<UUID> {

  /** Charted once and never updated: set when built, so saving inserts. */
  @Transient
  private boolean fresh;

  @Id
  private final UUID id;
  private final UUID episodeId;
  private final UUID orderId;
  private final Drug drug;
  private final BigDecimal doseMg;
  private final Instant givenAt;
  private final String givenBy;
  private final @Nullable String overriddenRule;
  private final @Nullable String overrideReason;
  private final @Nullable String overriddenBy;

  @PersistenceCreator
  Administration(UUID id, UUID episodeId, UUID orderId, Drug drug, BigDecimal doseMg, Instant givenAt,
      String givenBy, @Nullable String overriddenRule, @Nullable String overrideReason,
      @Nullable String overriddenBy) {
    this.id = id;
    this.episodeId = episodeId;
    this.orderId = orderId;
    this.drug = drug;
    this.doseMg = doseMg;
    this.givenAt = givenAt;
    this.givenBy = givenBy;
    this.overriddenRule = overriddenRule;
    this.overrideReason = overrideReason;
    this.overriddenBy = overriddenBy;
  }

  static Administration give(MedicationOrder order, BigDecimal doseMg, Instant now, String givenBy,
      @Nullable String overriddenRules, @Nullable String overrideReason) {
    Administration given = new Administration(UUID.randomUUID(), order.episodeId(), order.id(), order.drug(), doseMg,
        now, givenBy, overriddenRules, overrideReason, overriddenRules == null ? null : givenBy);
    given.fresh = true;
    return given;
  }

  UUID id() {
    return id;
  }

  UUID orderId() {
    return orderId;
  }

  Drug drug() {
    return drug;
  }

  BigDecimal doseMg() {
    return doseMg;
  }

  Instant givenAt() {
    return givenAt;
  }

  String givenBy() {
    return givenBy;
  }

  @Nullable String overriddenRule() {
    return overriddenRule;
  }

  @Nullable String overrideReason() {
    return overrideReason;
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
    return "Administration[" + id + " of episode " + episodeId + "]";
  }
}
