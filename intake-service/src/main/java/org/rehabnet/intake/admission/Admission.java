package org.rehabnet.intake.admission;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.intake.AdmissionRecorded;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A patient's stay at a site for inpatient detox. Recording it registers {@link AdmissionRecorded},
 * which leaves through the outbox in the same transaction as the row.
 */
@Table("admission")
public class Admission extends AbstractAggregateRoot<Admission> {

  @Id
  private final UUID id;
  private final UUID patientId;
  private final String site;
  private final @Nullable String bed;
  private final Instant admittedAt;
  private final AdmissionStatus status;
  private final String recordedBy;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  Admission(UUID id, UUID patientId, String site, @Nullable String bed, Instant admittedAt, AdmissionStatus status,
      String recordedBy, @Nullable Long version) {
    this.id = id;
    this.patientId = patientId;
    this.site = site;
    this.bed = bed;
    this.admittedAt = admittedAt;
    this.status = status;
    this.recordedBy = recordedBy;
    this.version = version;
  }

  static Admission record(UUID patientId, String site, Instant now, String recordedBy) {
    Admission admission = new Admission(UUID.randomUUID(), patientId, site, null, now, AdmissionStatus.ADMITTED,
        recordedBy, null);
    admission.registerEvent(new AdmissionRecorded(EventMetadata.next(now, 1), admission.id, patientId, site, null,
        now, null));
    return admission;
  }

  public UUID id() {
    return id;
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

  public AdmissionStatus status() {
    return status;
  }

  @Override
  public String toString() {
    return "Admission[" + id + " at " + site + "]";
  }

  /** Where an admission is in its life. */
  public enum AdmissionStatus {
    ADMITTED,
    DISCHARGED
  }
}
