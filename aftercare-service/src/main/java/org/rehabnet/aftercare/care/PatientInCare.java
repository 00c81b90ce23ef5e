package org.rehabnet.aftercare.care;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Aftercare's local knowledge of a person the network has admitted, built from intake's events so
 * that a plan is only ever opened for a patient the network knows, without asking intake.
 */
@Table("patient_in_care")
public class PatientInCare {

  @Id
  private final UUID patientId;
  private final String site;
  private final UUID lastAdmissionId;
  private final Instant lastAdmittedAt;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  PatientInCare(UUID patientId, String site, UUID lastAdmissionId, Instant lastAdmittedAt,
      @Nullable Long version) {
    this.patientId = patientId;
    this.site = site;
    this.lastAdmissionId = lastAdmissionId;
    this.lastAdmittedAt = lastAdmittedAt;
    this.version = version;
  }

  static PatientInCare admitted(UUID patientId, String site, UUID admissionId, Instant admittedAt) {
    return new PatientInCare(patientId, site, admissionId, admittedAt, null);
  }

  /** A later admission replaces the site and dates; an older one arriving late changes nothing. */
  PatientInCare readmitted(String newSite, UUID admissionId, Instant admittedAt) {
    if (!admittedAt.isAfter(lastAdmittedAt)) {
      return this;
    }
    return new PatientInCare(patientId, newSite, admissionId, admittedAt, version);
  }

  public UUID patientId() {
    return patientId;
  }

  public String site() {
    return site;
  }

  public UUID lastAdmissionId() {
    return lastAdmissionId;
  }

  public Instant lastAdmittedAt() {
    return lastAdmittedAt;
  }

  @Override
  public String toString() {
    return "PatientInCare[" + patientId + "]";
  }
}
