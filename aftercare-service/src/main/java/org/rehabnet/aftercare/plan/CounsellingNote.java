package org.rehabnet.aftercare.plan;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An individual counselling note: kept apart from the rest of the record (42 CFR Part 2 treats
 * counselling notes separately) and read only by counsellors of the patient's site.
 */
@Table("counselling_note")
class CounsellingNote {

  @Id
  private final UUID id;
  private final UUID planId;
  private final UUID patientId;
  private final String site;
  private final String text;
  private final String writtenBy;
  private final Instant writtenAt;

  @Version
  private @Nullable Long version;

  @PersistenceCreator
  CounsellingNote(UUID id, UUID planId, UUID patientId, String site, String text, String writtenBy,
      Instant writtenAt, @Nullable Long version) {
    this.id = id;
    this.planId = planId;
    this.patientId = patientId;
    this.site = site;
    this.text = text;
    this.writtenBy = writtenBy;
    this.writtenAt = writtenAt;
    this.version = version;
  }

  static CounsellingNote write(PlanRef plan, String text, String by, Instant now) {
    return new CounsellingNote(UUID.randomUUID(), plan.planId(), plan.patientId(), plan.site(), text, by, now, null);
  }

  record View(UUID noteId, String text, String writtenBy, Instant writtenAt) {}

  View view() {
    return new View(id, text, writtenBy, writtenAt);
  }

  UUID id() {
    return id;
  }

  Instant writtenAt() {
    return writtenAt;
  }

  @Override
  public String toString() {
    return "CounsellingNote[" + id + "]";
  }
}
