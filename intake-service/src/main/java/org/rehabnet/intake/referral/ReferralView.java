package org.rehabnet.intake.referral;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A referral as staff see it. */
record ReferralView(UUID referralId, UUID patientId, String mrn, String site, ReferralSource source,
    @Nullable Referrer referrer, Urgency urgency, ReferralStatus status, @Nullable String declineReason,
    @Nullable UUID previousAdmissionId, @Nullable UUID admissionId, Instant receivedAt, Instant updatedAt) {

  static ReferralView of(Referral r, String mrn) {
    Referrer referrer = r.referrerName() == null && r.referrerOrganisation() == null && r.referrerPhone() == null
        ? null : new Referrer(r.referrerName(), r.referrerOrganisation(), r.referrerPhone());
    return new ReferralView(r.id(), r.patientId(), mrn, r.site(), r.source(), referrer, r.urgency(), r.status(),
        r.declineReason(), r.previousAdmissionId(), r.admissionId(), r.receivedAt(), r.updatedAt());
  }

  /** Who made the referral. */
  record Referrer(@Nullable String name, @Nullable String organisation, @Nullable String phone) {}
}
