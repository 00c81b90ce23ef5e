package org.rehabnet.intake.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.intake.ConsentGranted;
import org.rehabnet.platform.events.intake.ConsentRevoked;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A patient's consent to disclose. Granting registers {@link ConsentGranted}, revoking
 * {@link ConsentRevoked}; services that disclose enforce it at the moment of disclosure.
 */
@Table("consent")
class Consent extends AbstractAggregateRoot<Consent> {

  @Id
  private final UUID id;
  private final UUID patientId;
  private final String site;
  private final String recipientType;
  private final String recipient;
  private final String purpose;
  private final List<String> dataCategories;
  private final @Nullable Instant expiresAt;
  private final @Nullable String expiryEvent;
  private final LocalDate signedOn;
  private final String signedBy;
  private final Instant grantedAt;
  private final String recordedBy;
  private @Nullable Instant revokedAt;
  private @Nullable String revokedBy;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  Consent(UUID id, UUID patientId, String site, String recipientType, String recipient, String purpose,
      List<String> dataCategories, @Nullable Instant expiresAt, @Nullable String expiryEvent, LocalDate signedOn,
      String signedBy, Instant grantedAt, String recordedBy, @Nullable Instant revokedAt, @Nullable String revokedBy,
      @Nullable Long version) {
    this.id = id;
    this.patientId = patientId;
    this.site = site;
    this.recipientType = recipientType;
    this.recipient = recipient;
    this.purpose = purpose;
    this.dataCategories = dataCategories;
    this.expiresAt = expiresAt;
    this.expiryEvent = expiryEvent;
    this.signedOn = signedOn;
    this.signedBy = signedBy;
    this.grantedAt = grantedAt;
    this.recordedBy = recordedBy;
    this.revokedAt = revokedAt;
    this.revokedBy = revokedBy;
    this.version = version;
  }

  static Consent grant(UUID patientId, GrantConsent c, Instant now, String recordedBy) {
    List<String> categories = c.dataCategories().stream().map(Enum::name).sorted().toList();
    Consent consent = new Consent(UUID.randomUUID(), patientId, c.site(), c.recipientType().name(),
        c.recipient().strip(), c.purpose().name(), categories, c.expiresAt(),
        c.expiryEvent() == null ? null : c.expiryEvent().name(), c.signedOn(), c.signedBy().name(), now, recordedBy,
        null, null, null);
    consent.registerEvent(new ConsentGranted(EventMetadata.forAggregate(now, null), consent.id, patientId, consent.site,
        consent.recipientType, consent.recipient, consent.purpose, new TreeSet<>(categories), consent.signedOn,
        consent.expiresAt, now, consent.expiryEvent, consent.signedBy));
    return consent;
  }

  void revoke(Instant now, String by) {
    if (revokedAt != null) {
      throw new ConsentAlreadyRevoked(id);
    }
    revokedAt = now;
    revokedBy = by;
    registerEvent(new ConsentRevoked(EventMetadata.forAggregate(now, version), id, patientId, now));
  }

  boolean isActive(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
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

  String recipientType() {
    return recipientType;
  }

  String recipient() {
    return recipient;
  }

  String purpose() {
    return purpose;
  }

  List<String> dataCategories() {
    return dataCategories;
  }

  @Nullable Instant expiresAt() {
    return expiresAt;
  }

  @Nullable String expiryEvent() {
    return expiryEvent;
  }

  LocalDate signedOn() {
    return signedOn;
  }

  String signedBy() {
    return signedBy;
  }

  Instant grantedAt() {
    return grantedAt;
  }

  @Nullable Instant revokedAt() {
    return revokedAt;
  }

  @Override
  public String toString() {
    return "Consent[" + id + " of patient " + patientId + "]";
  }
}
