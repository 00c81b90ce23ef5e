package org.rehabnet.aftercare.relapse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.plan.PlanRef;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.aftercare.ReadmissionRequested;
import org.rehabnet.platform.events.aftercare.RelapseReported;
import org.rehabnet.platform.events.clinical.Substance;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A lapse or relapse report, from a counsellor, a check-in that reported use, or a positive screen
 * (its source and that record's id). Registers {@link RelapseReported} for the record and, when the
 * person wants to come back, {@link ReadmissionRequested} so intake opens a readmission referral.
 */
@Table("relapse_report")
class RelapseReport extends AbstractAggregateRoot<RelapseReport> {

  @Id
  private final UUID id;
  private final UUID planId;
  private final UUID patientId;
  private final String site;
  private final RelapseResponse.Kind kind;
  private final Substance substance;
  private final LocalDate occurredOn;
  private final boolean overdose;
  private final boolean naloxoneUsed;
  private final boolean overdoseEducation;
  private final boolean wantsReadmission;
  private final @Nullable UUID readmissionRequestId;
  private final RelapseResponse.Urgency urgency;
  private final RelapseSource source;
  private final @Nullable UUID sourceRecordId;
  private final String reportedBy;
  private final Instant reportedAt;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  RelapseReport(UUID id, UUID planId, UUID patientId, String site, RelapseResponse.Kind kind, Substance substance,
      LocalDate occurredOn, boolean overdose, boolean naloxoneUsed, boolean overdoseEducation,
      boolean wantsReadmission, @Nullable UUID readmissionRequestId, RelapseResponse.Urgency urgency,
      RelapseSource source, @Nullable UUID sourceRecordId, String reportedBy, Instant reportedAt,
      @Nullable Long version) {
    this.id = id;
    this.planId = planId;
    this.patientId = patientId;
    this.site = site;
    this.kind = kind;
    this.substance = substance;
    this.occurredOn = occurredOn;
    this.overdose = overdose;
    this.naloxoneUsed = naloxoneUsed;
    this.overdoseEducation = overdoseEducation;
    this.wantsReadmission = wantsReadmission;
    this.readmissionRequestId = readmissionRequestId;
    this.urgency = urgency;
    this.source = source;
    this.sourceRecordId = sourceRecordId;
    this.reportedBy = reportedBy;
    this.reportedAt = reportedAt;
    this.version = version;
  }

  /** What was reported; {@code sourceRecordId} is null exactly for a counsellor's own report. */
  record Facts(RelapseResponse.Kind kind, Substance substance, LocalDate occurredOn, boolean overdose,
      boolean naloxoneUsed, boolean overdoseEducation, RelapseSource source, @Nullable UUID sourceRecordId) {

    Facts {
      if ((source == RelapseSource.STAFF_REPORT) != (sourceRecordId == null)) {
        throw new IllegalArgumentException("a check-in or screen report names its record, a staff report none");
      }
    }
  }

  static RelapseReport report(PlanRef plan, Facts facts, RelapseResponse.Decision decision,
      @Nullable UUID previousAdmissionId, String by, Instant now) {
    UUID readmission = decision.requestReadmission() ? UUID.randomUUID() : null;
    RelapseReport report = new RelapseReport(UUID.randomUUID(), plan.planId(), plan.patientId(), plan.site(),
        facts.kind(), facts.substance(), facts.occurredOn(), facts.overdose(), facts.naloxoneUsed(),
        facts.overdoseEducation(), decision.requestReadmission(), readmission, decision.urgency(), facts.source(),
        facts.sourceRecordId(), by, now, null);
    report.registerEvent(new RelapseReported(EventMetadata.forAggregate(now, null), report.id, plan.planId(),
        plan.patientId(), plan.site(), facts.kind().name(), facts.substance(), facts.occurredOn(), facts.overdose(),
        facts.naloxoneUsed(), decision.urgency().name(), facts.source().name(), now));
    if (readmission != null) {
      report.registerEvent(new ReadmissionRequested(EventMetadata.forAggregate(now, null), readmission,
          plan.planId(), plan.patientId(), plan.site(), previousAdmissionId, report.id, decision.urgency().name(),
          now));
    }
    return report;
  }

  UUID id() {
    return id;
  }

  UUID planId() {
    return planId;
  }

  UUID patientId() {
    return patientId;
  }

  String site() {
    return site;
  }

  RelapseResponse.Kind kind() {
    return kind;
  }

  Substance substance() {
    return substance;
  }

  LocalDate occurredOn() {
    return occurredOn;
  }

  boolean overdose() {
    return overdose;
  }

  boolean naloxoneUsed() {
    return naloxoneUsed;
  }

  boolean overdoseEducation() {
    return overdoseEducation;
  }

  @Nullable UUID readmissionRequestId() {
    return readmissionRequestId;
  }

  RelapseResponse.Urgency urgency() {
    return urgency;
  }

  RelapseSource source() {
    return source;
  }

  @Nullable UUID sourceRecordId() {
    return sourceRecordId;
  }

  Instant reportedAt() {
    return reportedAt;
  }

  @Override
  public String toString() {
    return "RelapseReport[" + id + " of plan " + planId + "]";
  }
}
