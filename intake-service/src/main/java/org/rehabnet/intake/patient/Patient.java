package org.rehabnet.intake.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.intake.PatientDetailsCorrected;
import org.rehabnet.platform.events.intake.PatientRegistered;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person known to the network. Identity is network-wide (one id and one medical record number
 * wherever they are treated); clinical records stay with the site that made them. Registering
 * publishes {@link PatientRegistered} on the patients topic; correcting the identity publishes
 * {@link PatientDetailsCorrected} there. Those are the only events that carry a name. The MRN never
 * changes.
 */
@Table("patient")
public class Patient extends AbstractAggregateRoot<Patient> {

  @Id
  private final UUID id;
  private final String mrn;
  private String givenName;
  private String familyName;
  private String nameKey;
  private LocalDate dateOfBirth;
  private @Nullable String administrativeGender;
  private final @Nullable String genderIdentity;
  private final @Nullable String phone;
  private final @Nullable String email;
  private final @Nullable String emergencyContactName;
  private final @Nullable String emergencyContactRelationship;
  private final @Nullable String emergencyContactPhone;
  private final @Nullable String preferredLanguage;
  private final @Nullable String registeredAtSite;
  private final Instant registeredAt;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  Patient(UUID id, String mrn, String givenName, String familyName, String nameKey, LocalDate dateOfBirth,
      @Nullable String administrativeGender, @Nullable String genderIdentity, @Nullable String phone,
      @Nullable String email, @Nullable String emergencyContactName, @Nullable String emergencyContactRelationship,
      @Nullable String emergencyContactPhone, @Nullable String preferredLanguage, @Nullable String registeredAtSite,
      Instant registeredAt, @Nullable Long version) {
    this.id = id;
    this.mrn = mrn;
    this.givenName = givenName;
    this.familyName = familyName;
    this.nameKey = nameKey;
    this.dateOfBirth = dateOfBirth;
    this.administrativeGender = administrativeGender;
    this.genderIdentity = genderIdentity;
    this.phone = phone;
    this.email = email;
    this.emergencyContactName = emergencyContactName;
    this.emergencyContactRelationship = emergencyContactRelationship;
    this.emergencyContactPhone = emergencyContactPhone;
    this.preferredLanguage = preferredLanguage;
    this.registeredAtSite = registeredAtSite;
    this.registeredAt = registeredAt;
    this.version = version;
  }

  static Patient register(String mrn, RegisterPatient person, Instant now) {
    RegisterPatient.EmergencyContact emergency = person.emergencyContact();
    Patient patient = new Patient(UUID.randomUUID(), mrn, person.givenName().strip(), person.familyName().strip(),
        PatientName.key(person.givenName(), person.familyName()), person.dateOfBirth(),
        person.administrativeGender() == null ? null : person.administrativeGender().name(),
        person.genderIdentity(), person.phone(), person.email(),
        emergency == null ? null : emergency.name(), emergency == null ? null : emergency.relationship(),
        emergency == null ? null : emergency.phone(), person.preferredLanguage(), person.site(), now, null);
    patient.registerEvent(new PatientRegistered(EventMetadata.forAggregate(now, null), patient.id, mrn,
        patient.givenName,
        patient.familyName, patient.dateOfBirth, patient.administrativeGender, person.site()));
    return patient;
  }

  /**
   * Corrects the identity (a misspelt name, a wrong birth date or gender) and registers
   * {@link PatientDetailsCorrected} with the whole corrected identity; returns what changed, nothing
   * (and no event) when every value is the same.
   */
  List<IdentityChange> correct(String newGivenName, String newFamilyName, LocalDate newDateOfBirth,
      @Nullable String newAdministrativeGender, Instant now) {
    String given = newGivenName.strip();
    String family = newFamilyName.strip();
    List<IdentityChange> changes = new ArrayList<>();
    if (!givenName.equals(given)) {
      changes.add(new IdentityChange(IdentityChange.GIVEN_NAME, givenName, given));
    }
    if (!familyName.equals(family)) {
      changes.add(new IdentityChange(IdentityChange.FAMILY_NAME, familyName, family));
    }
    if (!dateOfBirth.equals(newDateOfBirth)) {
      changes.add(new IdentityChange(IdentityChange.DATE_OF_BIRTH, dateOfBirth.toString(),
          newDateOfBirth.toString()));
    }
    if (!Objects.equals(administrativeGender, newAdministrativeGender)) {
      changes.add(new IdentityChange(IdentityChange.ADMINISTRATIVE_GENDER, administrativeGender,
          newAdministrativeGender));
    }
    if (changes.isEmpty()) {
      return changes;
    }
    this.givenName = given;
    this.familyName = family;
    this.nameKey = PatientName.key(given, family);
    this.dateOfBirth = newDateOfBirth;
    this.administrativeGender = newAdministrativeGender;
    registerEvent(new PatientDetailsCorrected(EventMetadata.forAggregate(now, version), id, mrn, givenName,
        familyName, dateOfBirth, administrativeGender, now));
    return changes;
  }

  public UUID id() {
    return id;
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

  @Nullable String administrativeGender() {
    return administrativeGender;
  }

  @Nullable String genderIdentity() {
    return genderIdentity;
  }

  @Nullable String phone() {
    return phone;
  }

  @Nullable String email() {
    return email;
  }

  @Nullable String emergencyContactName() {
    return emergencyContactName;
  }

  @Nullable String emergencyContactRelationship() {
    return emergencyContactRelationship;
  }

  @Nullable String emergencyContactPhone() {
    return emergencyContactPhone;
  }

  @Nullable String preferredLanguage() {
    return preferredLanguage;
  }

  public Instant registeredAt() {
    return registeredAt;
  }

  String nameKey() {
    return nameKey;
  }

  @Nullable String registeredAtSite() {
    return registeredAtSite;
  }

  /** The optimistic-locking version: the ETag staff send back when they correct the identity. */
  long version() {
    return version == null ? 0 : version;
  }

  @Override
  public String toString() {
    // Never the name or birth date: this ends up in logs.
    return "Patient[" + id + "]";
  }
}
