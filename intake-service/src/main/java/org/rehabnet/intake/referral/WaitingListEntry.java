package org.rehabnet.intake.referral;

import java.time.Instant;
import java.util.UUID;

/** One line of a site's waiting list: only what is needed to call the next patient. */
record WaitingListEntry(int position, UUID referralId, UUID patientId, String mrn, Urgency urgency,
    ReferralStatus status, ReferralSource source, Instant receivedAt) {}
