package org.rehabnet.intake.referral;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A request to admit a patient at a site. Its lifecycle is guarded here: each step checks the
 * current status and refuses an illegal one with {@link IllegalReferralTransition}.
 */
@Table("referral")
class Referral {

  @Id
  private final UUID id;
  private final UUID patientId;
  private final String site;
  private final ReferralSource source;
  private final @Nullable String referrerName;
  private final @Nullable String referrerOrganisation;
  private final @Nullable String referrerPhone;
  private final Urgency urgency;
  private final int urgencyRank;
  private ReferralStatus status;
  private @Nullable String declineReason;
  private final @Nullable UUID previousAdmissionId;
  private final @Nullable UUID readmissionRequestId;
  private @Nullable UUID admissionId;
  private final Instant receivedAt;
  private Instant updatedAt;
  private final String recordedBy;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  Referral(UUID id, UUID patientId, String site, ReferralSource source, @Nullable String referrerName,
      @Nullable String referrerOrganisation, @Nullable String referrerPhone, Urgency urgency, int urgencyRank,
      ReferralStatus status, @Nullable String declineReason, @Nullable UUID previousAdmissionId,
      @Nullable UUID readmissionRequestId, @Nullable UUID admissionId, Instant receivedAt, Instant updatedAt,
      String recordedBy, @Nullable Long version) {
    this.id = id;
    this.patientId = patientId;
    this.site = site;
    this.source = source;
    this.referrerName = referrerName;
    this.referrerOrganisation = referrerOrganisation;
    this.referrerPhone = referrerPhone;
    this.urgency = urgency;
    this.urgencyRank = urgencyRank;
    this.status = status;
    this.declineReason = declineReason;
    this.previousAdmissionId = previousAdmissionId;
    this.readmissionRequestId = readmissionRequestId;
    this.admissionId = admissionId;
    this.receivedAt = receivedAt;
    this.updatedAt = updatedAt;
    this.recordedBy = recordedBy;
    this.version = version;
  }

  static Referral open(UUID patientId, String site, ReferralSource source, OpenReferral.@Nullable Referrer referrer,
      Urgency urgency, Instant now, String recordedBy) {
    return new Referral(UUID.randomUUID(), patientId, site, source,
        referrer == null ? null : referrer.name(), referrer == null ? null : referrer.organisation(),
        referrer == null ? null : referrer.phone(), urgency, urgency.rank(), ReferralStatus.NEW, null, null, null,
        null, now, now, recordedBy, null);
  }

  /** Aftercare asked to bring the patient back: linked to the episode that went before. */
  static Referral readmission(UUID patientId, String site, @Nullable UUID previousAdmissionId, UUID requestId,
      Urgency urgency, Instant now) {
    return new Referral(UUID.randomUUID(), patientId, site, ReferralSource.READMISSION, null, "aftercare", null,
        urgency, urgency.rank(), ReferralStatus.NEW, null, previousAdmissionId, requestId, null, now, now,
        "aftercare-service", null);
  }

  void startScreening(Instant now) {
    move(ReferralStatus.SCREENING, now, ReferralStatus.NEW);
  }

  void accept(Instant now) {
    move(ReferralStatus.ACCEPTED, now, ReferralStatus.SCREENING);
  }

  void decline(String reason, Instant now) {
    move(ReferralStatus.DECLINED, now, ReferralStatus.SCREENING);
    this.declineReason = reason;
  }

  void withdraw(Instant now) {
    move(ReferralStatus.WITHDRAWN, now, ReferralStatus.NEW, ReferralStatus.SCREENING, ReferralStatus.ACCEPTED);
  }

  void admit(UUID admissionId, Instant now) {
    if (status == ReferralStatus.ADMITTED && this.admissionId != null) {
      throw new ReferralAlreadyAdmitted(this.admissionId);
    }
    if (status != ReferralStatus.ACCEPTED) {
      throw new ReferralNotAccepted(status);
    }
    this.admissionId = admissionId;
    move(ReferralStatus.ADMITTED, now, ReferralStatus.ACCEPTED);
  }

  private void move(ReferralStatus to, Instant now, ReferralStatus... allowedFrom) {
    for (ReferralStatus from : allowedFrom) {
      if (status == from) {
        status = to;
        updatedAt = now;
        return;
      }
    }
    throw new IllegalReferralTransition(status, to);
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

  ReferralSource source() {
    return source;
  }

  @Nullable String referrerName() {
    return referrerName;
  }

  @Nullable String referrerOrganisation() {
    return referrerOrganisation;
  }

  @Nullable String referrerPhone() {
    return referrerPhone;
  }

  Urgency urgency() {
    return urgency;
  }

  ReferralStatus status() {
    return status;
  }

  @Nullable String declineReason() {
    return declineReason;
  }

  @Nullable UUID previousAdmissionId() {
    return previousAdmissionId;
  }

  @Nullable UUID admissionId() {
    return admissionId;
  }

  Instant receivedAt() {
    return receivedAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public String toString() {
    return "Referral[" + id + " at " + site + ", " + status + "]";
  }
}
