package org.rehabnet.intake.admission;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.intake.assessment.AdmissionFacts;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.intake.AdmissionRecorded;
import org.rehabnet.platform.events.intake.BedReleased;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A patient's stay at a site for inpatient detox, in a bed. Recording it registers
 * {@link AdmissionRecorded}; discharge registers {@link BedReleased}. Both leave through the outbox
 * in the same transaction as the row.
 */
@Table("admission")
class Admission extends AbstractAggregateRoot<Admission> {

  @Id
  private final UUID id;
  private final UUID patientId;
  private final String site;
  private final @Nullable String bed;
  private final Instant admittedAt;
  private AdmissionStatus status;
  private final String recordedBy;
  private final @Nullable UUID referralId;
  private final @Nullable Integer expectedLengthDays;
  private @Nullable Instant dischargedAt;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  Admission(UUID id, UUID patientId, String site, @Nullable String bed, Instant admittedAt, AdmissionStatus status,
      String recordedBy, @Nullable UUID referralId, @Nullable Integer expectedLengthDays,
      @Nullable Instant dischargedAt, @Nullable Long version) {
    this.id = id;
    this.patientId = patientId;
    this.site = site;
    this.bed = bed;
    this.admittedAt = admittedAt;
    this.status = status;
    this.recordedBy = recordedBy;
    this.referralId = referralId;
    this.expectedLengthDays = expectedLengthDays;
    this.dischargedAt = dischargedAt;
    this.version = version;
  }

  static Admission record(UUID id, UUID referralId, UUID patientId, String site, String bed, AdmissionFacts facts,
      Instant now, String recordedBy) {
    Admission admission = new Admission(id, patientId, site, bed, now, AdmissionStatus.ADMITTED, recordedBy,
        referralId, facts.expectedLengthDays(), null, null);
    List<AdmissionRecorded.SubstanceUse> substances = facts.substances().stream()
        .map(s -> new AdmissionRecorded.SubstanceUse(s.substance(), s.route(), s.lastUseAt()))
        .toList();
    admission.registerEvent(new AdmissionRecorded(EventMetadata.forAggregate(now, null), id, patientId, site, bed, now,
        facts.expectedLengthDays(), facts.dependenceSeverity(), substances, new TreeSet<>(facts.udsFlags()),
        new TreeSet<>(facts.mentalHealthFlags()), referralId));
    return admission;
  }

  /** Monitoring discharged the patient: the bed goes back to the site. False if already discharged. */
  boolean discharge(Instant dischargedAt, Instant now) {
    if (status == AdmissionStatus.DISCHARGED) {
      return false;
    }
    this.status = AdmissionStatus.DISCHARGED;
    this.dischargedAt = dischargedAt;
    if (bed != null) {
      registerEvent(new BedReleased(EventMetadata.forAggregate(now, version), id, patientId, site, bed,
          dischargedAt));
    }
    return true;
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

  @Nullable String bed() {
    return bed;
  }

  Instant admittedAt() {
    return admittedAt;
  }

  AdmissionStatus status() {
    return status;
  }

  @Nullable UUID referralId() {
    return referralId;
  }

  @Nullable Integer expectedLengthDays() {
    return expectedLengthDays;
  }

  @Nullable Instant dischargedAt() {
    return dischargedAt;
  }

  @Override
  public String toString() {
    return "Admission[" + id + " at " + site + "]";
  }

  /** Where an admission is in its life. */
  enum AdmissionStatus {
    ADMITTED,
    DISCHARGED
  }
}
