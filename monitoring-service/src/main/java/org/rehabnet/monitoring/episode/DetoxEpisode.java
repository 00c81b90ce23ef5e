package org.rehabnet.monitoring.episode;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.monitoring.site.SitePolicy;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.monitoring.PatientDischarged;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One inpatient detox stay, opened when intake records the admission. It keeps the few admission
 * facts the safety rules need (last short-acting opioid use, fentanyl and benzodiazepine flags,
 * self-harm risk) and ends with a discharge that registers {@link PatientDischarged}.
 */
@Table("detox_episode")
public class DetoxEpisode extends AbstractAggregateRoot<DetoxEpisode> {

  @Id
  private final UUID id;
  private final UUID admissionId;
  private final UUID patientId;
  private final String site;
  private final @Nullable String bed;
  private final Instant admittedAt;
  private final @Nullable Integer expectedLengthDays;
  private EpisodeStatus status;
  private final Instant openedAt;
  @Embedded.Nullable
  private final @Nullable RiskFacts risks;
  @Embedded.Nullable
  private @Nullable Discharge discharge;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  DetoxEpisode(UUID id, UUID admissionId, UUID patientId, String site, @Nullable String bed, Instant admittedAt,
      @Nullable Integer expectedLengthDays, EpisodeStatus status, Instant openedAt, @Nullable RiskFacts risks,
      @Nullable Discharge discharge, @Nullable Long version) {
    this.id = id;
    this.admissionId = admissionId;
    this.patientId = patientId;
    this.site = site;
    this.bed = bed;
    this.admittedAt = admittedAt;
    this.expectedLengthDays = expectedLengthDays;
    this.status = status;
    this.openedAt = openedAt;
    this.risks = risks;
    this.discharge = discharge;
    this.version = version;
  }

  static DetoxEpisode open(UUID admissionId, UUID patientId, String site, @Nullable String bed, Instant admittedAt,
      @Nullable Integer expectedLengthDays, RiskFacts risks, Instant now) {
    return new DetoxEpisode(UUID.randomUUID(), admissionId, patientId, site, bed, admittedAt, expectedLengthDays,
        EpisodeStatus.OPEN, now, risks, null, null);
  }

  /** Ends the stay; the physician's discharge facts go to intake (bed) and aftercare (plan). */
  void discharge(Discharge facts) {
    if (status != EpisodeStatus.OPEN) {
      throw new EpisodeAlreadyDischarged(id);
    }
    this.status = EpisodeStatus.DISCHARGED;
    this.discharge = facts;
    registerEvent(new PatientDischarged(EventMetadata.forAggregate(facts.dischargedAt(), version), id, admissionId,
        patientId, site, bed, admittedAt, facts.dischargedAt(), facts.dischargeType().name(),
        facts.naloxoneProvided(), facts.overdoseEducation(), facts.medicationPlan().name(),
        facts.receivingPrescriber(), facts.lastCowsTotal()));
  }

  /** Day 1 is the calendar date of admission at the site; day n the date difference plus one. */
  int day(Instant now, SitePolicy site) {
    return site.dayNumber(admittedAt, now);
  }

  public UUID id() {
    return id;
  }

  public UUID admissionId() {
    return admissionId;
  }

  public UUID patientId() {
    return patientId;
  }

  public String site() {
    return site;
  }

  public @Nullable String bed() {
    return bed;
  }

  public Instant admittedAt() {
    return admittedAt;
  }

  public @Nullable Integer expectedLengthDays() {
    return expectedLengthDays;
  }

  public EpisodeStatus status() {
    return status;
  }

  RiskFacts risks() {
    return risks == null ? RiskFacts.NONE : risks;
  }

  @Nullable Discharge discharge() {
    return discharge;
  }

  @Nullable Long version() {
    return version;
  }

  @Override
  public String toString() {
    return "DetoxEpisode[" + id + " at " + site + "]";
  }

  /** Where an episode is in its life. */
  public enum EpisodeStatus {
    OPEN,
    DISCHARGED
  }

  /** Admission facts the chart's safety rules need. */
  record RiskFacts(@Nullable String dependenceSeverity, @Nullable Instant lastShortActingOpioidUseAt,
      boolean fentanylExposure, boolean benzodiazepineRisk, boolean selfHarmRisk) {

    static final RiskFacts NONE = new RiskFacts(null, null, false, false, false);
  }

  /** How the stay ended (docs/clinical-rules.md, "Discharge"). */
  record Discharge(Instant dischargedAt, DischargeType dischargeType, Boolean naloxoneProvided,
      @Nullable String naloxoneNotProvidedReason, Boolean overdoseEducation, MedicationPlan medicationPlan,
      @Nullable String receivingPrescriber, @Nullable Integer lastCowsTotal, String dischargedBy) {}
}
