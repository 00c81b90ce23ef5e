package org.rehabnet.aftercare.care;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.intake.PatientRegistered;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The minimum identity of a registered person, copied from intake's {@link PatientRegistered}: the
 * partner API serves a FHIR Patient from it (with consent), and a plan can be opened by hand only for
 * a person the network knows. Never printed: {@link #toString()} shows the id alone.
 */
@Table("patient_identity")
public class PatientIdentity {

  @Id
  private final UUID patientId;
  private final String mrn;
  private final String givenName;
  private final String familyName;
  private final LocalDate dateOfBirth;
  private final @Nullable String administrativeGender;
  private final String registeredAtSite;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  PatientIdentity(UUID patientId, String mrn, String givenName, String familyName, LocalDate dateOfBirth,
      @Nullable String administrativeGender, String registeredAtSite, @Nullable Long version) {
    this.patientId = patientId;
    this.mrn = mrn;
    this.givenName = givenName;
    this.familyName = familyName;
    this.dateOfBirth = dateOfBirth;
    this.administrativeGender = administrativeGender;
    this.registeredAtSite = registeredAtSite;
    this.version = version;
  }

  static PatientIdentity from(PatientRegistered event) {
    return new PatientIdentity(event.patientId(), event.mrn(), event.givenName(), event.familyName(),
        event.dateOfBirth(), event.administrativeGender(), event.registeredAtSite(), null);
  }

  /** A registration seen again (a replay) or corrected replaces the copy. */
  PatientIdentity updatedFrom(PatientRegistered event) {
    return new PatientIdentity(patientId, event.mrn(), event.givenName(), event.familyName(), event.dateOfBirth(),
        event.administrativeGender(), event.registeredAtSite(), version);
  }

  public UUID patientId() {
    return patientId;
  }

  public String mrn() {
    return mrn;
  }

  public String givenName() {
    return givenName;
  }

  public String familyName() {
    return familyName;
  }

  public LocalDate dateOfBirth() {
    return dateOfBirth;
  }

  public @Nullable String administrativeGender() {
    return administrativeGender;
  }

  public String registeredAtSite() {
    return registeredAtSite;
  }

  @Override
  public String toString() {
    return "PatientIdentity[" + patientId + "]";
  }
}
