package org.rehabnet.aftercare.relapse;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Hand the person a new naloxone kit: theirs was used on an overdose. Due with the outreach, since the
 * risk of another overdose is highest now; done once, by whom and when.
 */
@Table("naloxone_resupply_task")
class NaloxoneResupplyTask {

  @Id
  private final UUID id;
  private final UUID reportId;
  private final UUID planId;
  private final UUID patientId;
  private final String site;
  private final Instant dueAt;
  private final Instant createdAt;
  private @Nullable Instant completedAt;
  private @Nullable String completedBy;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  NaloxoneResupplyTask(UUID id, UUID reportId, UUID planId, UUID patientId, String site, Instant dueAt,
      Instant createdAt, @Nullable Instant completedAt, @Nullable String completedBy, @Nullable Long version) {
    this.id = id;
    this.reportId = reportId;
    this.planId = planId;
    this.patientId = patientId;
    this.site = site;
    this.dueAt = dueAt;
    this.createdAt = createdAt;
    this.completedAt = completedAt;
    this.completedBy = completedBy;
    this.version = version;
  }

  static NaloxoneResupplyTask after(RelapseReport report, Instant dueAt, Instant now) {
    return new NaloxoneResupplyTask(UUID.randomUUID(), report.id(), report.planId(), report.patientId(),
        report.site(), dueAt, now, null, null, null);
  }

  /** True when this completed it; a second time changes nothing. */
  boolean done(String by, Instant now) {
    if (completedAt != null) {
      return false;
    }
    completedAt = now;
    completedBy = by;
    return true;
  }

  UUID id() {
    return id;
  }

  UUID reportId() {
    return reportId;
  }

  UUID planId() {
    return planId;
  }

  Instant dueAt() {
    return dueAt;
  }

  @Nullable Instant completedAt() {
    return completedAt;
  }

  @Nullable String completedBy() {
    return completedBy;
  }

  @Override
  public String toString() {
    return "NaloxoneResupplyTask[" + id + "]";
  }
}
