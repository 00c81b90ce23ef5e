package org.rehabnet.intake.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person known to the network. Identity is network-wide (one id and one medical record number
 * wherever they are treated); clinical records stay with the site that made them.
 */
@Table("patient")
public class Patient {

  @Id
  private final UUID id;
  private final String mrn;
  private final String givenName;
  private final String familyName;
  private final LocalDate dateOfBirth;
  private final Instant registeredAt;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  Patient(UUID id, String mrn, String givenName, String familyName, LocalDate dateOfBirth, Instant registeredAt,
      @Nullable Long version) {
    this.id = id;
    this.mrn = mrn;
    this.givenName = givenName;
    this.familyName = familyName;
    this.dateOfBirth = dateOfBirth;
    this.registeredAt = registeredAt;
    this.version = version;
  }

  static Patient register(String mrn, String givenName, String familyName, LocalDate dateOfBirth, Instant now) {
    return new Patient(UUID.randomUUID(), mrn, givenName.strip(), familyName.strip(), dateOfBirth, now, null);
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

  public Instant registeredAt() {
    return registeredAt;
  }

  @Override
  public String toString() {
    // Never the name or birth date: this ends up in logs.
    return "Patient[" + id + "]";
  }
}
