package org.rehabnet.monitoring.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
  private final @Nullable Route route;
  private final Instant givenAt;
  private final String givenBy;
  private final @Nullable String overriddenRule;
  private final @Nullable String overrideReason;
  private final @Nullable String overriddenBy;
  private final @Nullable String warnings;
  private final @Nullable Long siteSettingsSequence;

  @PersistenceCreator
  Administration(UUID id, UUID episodeId, UUID orderId, Drug drug, BigDecimal doseMg, @Nullable Route route,
      Instant givenAt, String givenBy, @Nullable String overriddenRule, @Nullable String overrideReason,
      @Nullable String overriddenBy, @Nullable String warnings, @Nullable Long siteSettingsSequence) {
    this.id = id;
    this.episodeId = episodeId;
    this.orderId = orderId;
    this.drug = drug;
    this.doseMg = doseMg;
    this.route = route;
    this.givenAt = givenAt;
    this.givenBy = givenBy;
    this.overriddenRule = overriddenRule;
    this.overrideReason = overrideReason;
    this.overriddenBy = overriddenBy;
    this.warnings = warnings;
    this.siteSettingsSequence = siteSettingsSequence;
  }

  /**
   * A dose the policy allowed, or allowed by the physician's override of {@code overridden} (empty
   * when no rule was set aside), with the warnings shown and the site settings' version applied.
   */
  static Administration give(MedicationOrder order, BigDecimal doseMg, Route route, Instant now, String givenBy,
      List<DoseRule> overridden, @Nullable String overrideReason, List<DoseWarning> warnings,
      @Nullable Long siteSettingsSequence) {
    String rules = overridden.isEmpty() ? null : String.join(",", overridden.stream().map(Enum::name).toList());
    Administration given = new Administration(UUID.randomUUID(), order.episodeId(), order.id(), order.drug(), doseMg,
        route, now, givenBy, rules, rules == null ? null : overrideReason, rules == null ? null : givenBy,
        warnings.isEmpty() ? null : String.join(",", warnings.stream().map(Enum::name).toList()),
        siteSettingsSequence);
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

  @Nullable Route route() {
    return route;
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

  List<DoseWarning> warnings() {
    return warnings == null ? List.of()
        : Arrays.stream(warnings.split(",")).map(DoseWarning::valueOf).toList();
  }

  @Nullable Long siteSettingsSequence() {
    return siteSettingsSequence;
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
