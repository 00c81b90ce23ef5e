package org.rehabnet.aftercare.relapse;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** Reach out to the person after a lapse or relapse, by the time it is due. */
@Table("outreach_task")
class OutreachTask {

  @Id
  private final UUID id;
  private final UUID reportId;
  private final UUID planId;
  private final UUID patientId;
  private final String site;
  private final RelapseResponse.Urgency urgency;
  private final Instant dueAt;
  private final Instant createdAt;
  private @Nullable Instant completedAt;

  @Version
  private @Nullable Long version;

  @PersistenceCreator
  OutreachTask(UUID id, UUID reportId, UUID planId, UUID patientId, String site, RelapseResponse.Urgency urgency,
      Instant dueAt, Instant createdAt, @Nullable Instant completedAt, @Nullable Long version) {
    this.id = id;
    this.reportId = reportId;
    this.planId = planId;
    this.patientId = patientId;
    this.site = site;
    this.urgency = urgency;
    this.dueAt = dueAt;
    this.createdAt = createdAt;
    this.completedAt = completedAt;
    this.version = version;
  }

  static OutreachTask after(RelapseReport report, RelapseResponse.Decision decision, Instant now) {
    return new OutreachTask(UUID.randomUUID(), report.id(), report.planId(), report.patientId(), report.site(),
        decision.urgency(), decision.outreachDueAt(), now, null, null);
  }

  /** The person was reached (or every attempt documented); done once, a second time changes nothing. */
  void done(Instant now) {
    if (completedAt == null) {
      completedAt = now;
    }
  }

  String site() {
    return site;
  }

  UUID patientId() {
    return patientId;
  }

  UUID id() {
    return id;
  }

  UUID planId() {
    return planId;
  }

  UUID reportId() {
    return reportId;
  }

  RelapseResponse.Urgency urgency() {
    return urgency;
  }

  Instant dueAt() {
    return dueAt;
  }

  @Nullable Instant completedAt() {
    return completedAt;
  }

  @Override
  public String toString() {
    return "OutreachTask[" + id + "]";
  }
}
