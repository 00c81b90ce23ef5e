package org.rehabnet.aftercare.care;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.intake.PatientDetailsCorrected;
import org.rehabnet.platform.events.intake.PatientRegistered;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The minimum identity of a registered person, copied from intake's {@link PatientRegistered} and
 * replaced by each {@link PatientDetailsCorrected}: the partner API serves a FHIR Patient from it
 * (with consent), worklists show it, and a plan can be opened by hand only for a person the network
 * knows. The newest by {@code sequence} (the patient's version at intake) wins, so a registration
 * resent after a correction cannot bring the old name back. Never printed: {@link #toString()} shows
 * the id alone.
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
  /** Null only while a correction has arrived before its registration (an out-of-order resend). */
  private final @Nullable String registeredAtSite;
  private final long sequence;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  PatientIdentity(UUID patientId, String mrn, String givenName, String familyName, LocalDate dateOfBirth,
      @Nullable String administrativeGender, @Nullable String registeredAtSite, long sequence,
      @Nullable Long version) {
    this.patientId = patientId;
    this.mrn = mrn;
    this.givenName = givenName;
    this.familyName = familyName;
    this.dateOfBirth = dateOfBirth;
    this.administrativeGender = administrativeGender;
    this.registeredAtSite = registeredAtSite;
    this.sequence = sequence;
    this.version = version;
  }

  static PatientIdentity from(PatientRegistered event) {
    return new PatientIdentity(event.patientId(), event.mrn(), event.givenName(), event.familyName(),
        event.dateOfBirth(), event.administrativeGender(), event.registeredAtSite(), event.metadata().sequence(), null);
  }

  static PatientIdentity from(PatientDetailsCorrected event) {
    return new PatientIdentity(event.patientId(), event.mrn(), event.givenName(), event.familyName(),
        event.dateOfBirth(), event.administrativeGender(), null, event.metadata().sequence(), null);
  }

  /**
   * A registration seen again (a replay): it replaces the copy unless a newer correction is held; the
   * registering site is a fact of the registration and is always kept.
   */
  PatientIdentity updatedFrom(PatientRegistered event) {
    if (event.metadata().sequence() < sequence) {
      return new PatientIdentity(patientId, mrn, givenName, familyName, dateOfBirth, administrativeGender,
          event.registeredAtSite(), sequence, version);
    }
    return new PatientIdentity(patientId, event.mrn(), event.givenName(), event.familyName(), event.dateOfBirth(),
        event.administrativeGender(), event.registeredAtSite(), event.metadata().sequence(), version);
  }

  /** The corrected identity replaces the copy, unless what is held is newer still. */
  PatientIdentity correctedBy(PatientDetailsCorrected event) {
    if (event.metadata().sequence() <= sequence) {
      return this;
    }
    return new PatientIdentity(patientId, event.mrn(), event.givenName(), event.familyName(), event.dateOfBirth(),
        event.administrativeGender(), registeredAtSite, event.metadata().sequence(), version);
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

  public @Nullable String registeredAtSite() {
    return registeredAtSite;
  }

  long sequence() {
    return sequence;
  }

  @Override
  public String toString() {
    return "PatientIdentity[" + patientId + "]";
  }
}
