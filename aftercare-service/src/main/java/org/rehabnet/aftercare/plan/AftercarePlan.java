package org.rehabnet.aftercare.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.aftercare.AftercarePlanCreated;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person's aftercare: goals, assigned counsellor, the medication plan and naloxone status carried
 * from discharge, relapse-prevention items and milestones. Opened from a discharge (one per episode)
 * or by hand for an outpatient; either way it registers {@link AftercarePlanCreated}. A relapse is
 * recorded on it and never closes it.
 */
@Table("aftercare_plan")
class AftercarePlan extends AbstractAggregateRoot<AftercarePlan> {

  enum Origin {
    DISCHARGE,
    OUTPATIENT
  }

  @Id
  private final UUID id;
  private final UUID patientId;
  private final String site;
  private final @Nullable UUID episodeId;
  private final Origin origin;
  private @Nullable String counsellor;
  private final LocalDate startsOn;
  private final MedicationPlan medicationPlan;
  private final @Nullable String receivingPrescriber;
  private NaloxoneStatus naloxoneStatus;
  private final boolean overdoseEducation;
  private List<String> goals;
  private List<String> relapsePrevention;
  private final PlanStatus status;
  private int relapseCount;
  private @Nullable LocalDate lastRelapseOn;
  private final Instant createdAt;
  private final String createdBy;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  AftercarePlan(UUID id, UUID patientId, String site, @Nullable UUID episodeId, Origin origin,
      @Nullable String counsellor, LocalDate startsOn, MedicationPlan medicationPlan,
      @Nullable String receivingPrescriber, NaloxoneStatus naloxoneStatus, boolean overdoseEducation,
      List<String> goals, List<String> relapsePrevention, PlanStatus status, int relapseCount,
      @Nullable LocalDate lastRelapseOn, Instant createdAt, String createdBy, @Nullable Long version) {
    this.id = id;
    this.patientId = patientId;
    this.site = site;
    this.episodeId = episodeId;
    this.origin = origin;
    this.counsellor = counsellor;
    this.startsOn = startsOn;
    this.medicationPlan = medicationPlan;
    this.receivingPrescriber = receivingPrescriber;
    this.naloxoneStatus = naloxoneStatus;
    this.overdoseEducation = overdoseEducation;
    this.goals = List.copyOf(goals);
    this.relapsePrevention = List.copyOf(relapsePrevention);
    this.status = status;
    this.relapseCount = relapseCount;
    this.lastRelapseOn = lastRelapseOn;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
    this.version = version;
  }

  /** Opened automatically when monitoring discharges the person from detox. */
  static AftercarePlan fromDischarge(UUID episodeId, UUID patientId, String site, LocalDate startsOn,
      MedicationPlan medication, @Nullable String receivingPrescriber, NaloxoneStatus naloxone,
      boolean overdoseEducation, Instant now) {
    return open(patientId, site, episodeId, Origin.DISCHARGE, null, startsOn, medication, receivingPrescriber,
        naloxone, overdoseEducation, List.of(), List.of(), now, "system:discharge");
  }

  /** Opened by a counsellor for someone who was not an inpatient. */
  static AftercarePlan forOutpatient(UUID patientId, String site, @Nullable String counsellor, LocalDate startsOn,
      MedicationPlan medication, NaloxoneStatus naloxone, boolean overdoseEducation, List<String> goals,
      List<String> relapsePrevention, Instant now, String by) {
    return open(patientId, site, null, Origin.OUTPATIENT, counsellor, startsOn, medication, null, naloxone,
        overdoseEducation, goals, relapsePrevention, now, by);
  }

  private static AftercarePlan open(UUID patientId, String site, @Nullable UUID episodeId, Origin origin,
      @Nullable String counsellor, LocalDate startsOn, MedicationPlan medication,
      @Nullable String receivingPrescriber, NaloxoneStatus naloxone, boolean overdoseEducation, List<String> goals,
      List<String> relapsePrevention, Instant now, String by) {
    AftercarePlan plan = new AftercarePlan(UUID.randomUUID(), patientId, site, episodeId, origin, counsellor,
        startsOn, medication, receivingPrescriber, naloxone, overdoseEducation, goals, relapsePrevention,
        PlanStatus.OPEN, 0, null, now, by, null);
    plan.registerEvent(new AftercarePlanCreated(EventMetadata.forAggregate(now, null), plan.id, patientId, site, episodeId,
        counsellor, medication.name(), startsOn, now));
    return plan;
  }

  /** The counsellor's part of the plan: what the person works towards and how they guard against relapse. */
  void revise(@Nullable String newCounsellor, List<String> newGoals, List<String> newRelapsePrevention,
      NaloxoneStatus newNaloxoneStatus) {
    this.counsellor = newCounsellor;
    this.goals = List.copyOf(newGoals);
    this.relapsePrevention = List.copyOf(newRelapsePrevention);
    this.naloxoneStatus = newNaloxoneStatus;
  }

  /** A lapse or relapse is part of recovery: it is counted, and the plan stays as it is (open). */
  void relapseReported(LocalDate on) {
    relapseCount++;
    if (lastRelapseOn == null || on.isAfter(lastRelapseOn)) {
      lastRelapseOn = on;
    }
  }

  /** Naloxone was used (an overdose reversed): the kit is gone and a new one is owed. */
  void naloxoneUsed() {
    naloxoneStatus = NaloxoneStatus.USED_RESUPPLY_DUE;
  }

  /** A new kit was handed over after one was used. */
  void naloxoneResupplied() {
    naloxoneStatus = NaloxoneStatus.PROVIDED;
  }

  UUID id() {
    return id;
  }

  UUID patientId() {
    return patientId;
  }

  String site() {
    return site;
  }

  @Nullable UUID episodeId() {
    return episodeId;
  }

  Origin origin() {
    return origin;
  }

  @Nullable String counsellor() {
    return counsellor;
  }

  LocalDate startsOn() {
    return startsOn;
  }

  MedicationPlan medicationPlan() {
    return medicationPlan;
  }

  @Nullable String receivingPrescriber() {
    return receivingPrescriber;
  }

  NaloxoneStatus naloxoneStatus() {
    return naloxoneStatus;
  }

  boolean overdoseEducation() {
    return overdoseEducation;
  }

  List<String> goals() {
    return goals;
  }

  List<String> relapsePrevention() {
    return relapsePrevention;
  }

  PlanStatus status() {
    return status;
  }

  int relapseCount() {
    return relapseCount;
  }

  @Nullable LocalDate lastRelapseOn() {
    return lastRelapseOn;
  }

  Instant createdAt() {
    return createdAt;
  }

  long version() {
    return version == null ? 0 : version;
  }

  @Override
  public String toString() {
    return "AftercarePlan[" + id + " at " + site + "]";
  }
}
