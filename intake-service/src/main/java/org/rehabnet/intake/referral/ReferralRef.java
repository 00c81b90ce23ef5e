package org.rehabnet.intake.referral;

import java.util.UUID;

/** What other features need to know of a referral: whose it is, where, and how far it has come. */
public record ReferralRef(UUID referralId, UUID patientId, String site, ReferralStatus status) {}
