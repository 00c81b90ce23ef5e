package org.rehabnet.aftercare.relapse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.plan.PlanRef;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.aftercare.ReadmissionRequested;
import org.rehabnet.platform.events.aftercare.RelapseReported;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A lapse or relapse report. Registers {@link RelapseReported} for the record and, when the person
 * wants to come back, {@link ReadmissionRequested} so intake opens a readmission referral.
 */
@Table("relapse_report")
class RelapseReport extends AbstractAggregateRoot<RelapseReport> {

  @Id
  private final UUID id;
  private final UUID planId;
  private final UUID patientId;
  private final String site;
  private final RelapseResponse.Kind kind;
  private final String substance;
  private final LocalDate occurredOn;
  private final boolean overdose;
  private final boolean naloxoneUsed;
  private final boolean overdoseEducation;
  private final boolean wantsReadmission;
  private final @Nullable UUID readmissionRequestId;
  private final RelapseResponse.Urgency urgency;
  private final String reportedBy;
  private final Instant reportedAt;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  RelapseReport(UUID id, UUID planId, UUID patientId, String site, RelapseResponse.Kind kind, String substance,
      LocalDate occurredOn, boolean overdose, boolean naloxoneUsed, boolean overdoseEducation,
      boolean wantsReadmission, @Nullable UUID readmissionRequestId, RelapseResponse.Urgency urgency,
      String reportedBy, Instant reportedAt, @Nullable Long version) {
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
    this.reportedBy = reportedBy;
    this.reportedAt = reportedAt;
    this.version = version;
  }

  static RelapseReport report(PlanRef plan, RelapseResponse.Kind kind, String substance, LocalDate occurredOn,
      boolean overdose, boolean naloxoneUsed, boolean overdoseEducation, RelapseResponse.Decision decision,
      @Nullable UUID previousAdmissionId, String by, Instant now) {
    UUID readmission = decision.requestReadmission() ? UUID.randomUUID() : null;
    RelapseReport report = new RelapseReport(UUID.randomUUID(), plan.planId(), plan.patientId(), plan.site(), kind,
        substance, occurredOn, overdose, naloxoneUsed, overdoseEducation, decision.requestReadmission(), readmission,
        decision.urgency(), by, now, null);
    report.registerEvent(new RelapseReported(EventMetadata.next(now, 1), report.id, plan.planId(),
        plan.patientId(), plan.site(), kind.name(), substance, occurredOn, overdose, naloxoneUsed, now));
    if (readmission != null) {
      report.registerEvent(new ReadmissionRequested(EventMetadata.next(now, 1), readmission, plan.planId(),
          plan.patientId(), plan.site(), previousAdmissionId, report.id, decision.urgency().name(), now));
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

  String substance() {
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

  Instant reportedAt() {
    return reportedAt;
  }

  @Override
  public String toString() {
    return "RelapseReport[" + id + " of plan " + planId + "]";
  }
}
