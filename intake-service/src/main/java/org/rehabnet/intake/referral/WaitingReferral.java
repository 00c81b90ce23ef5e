package org.rehabnet.intake.referral;

import java.time.Instant;
import java.util.UUID;

/** An open referral on a site's waiting list, for the waiting-list feature. */
public record WaitingReferral(UUID referralId, UUID patientId, Urgency urgency, ReferralStatus status,
    ReferralSource source, Instant receivedAt) {}
