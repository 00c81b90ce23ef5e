package org.rehabnet.intake.waitinglist;

import java.time.Instant;
import java.util.UUID;
import org.rehabnet.intake.referral.ReferralSource;
import org.rehabnet.intake.referral.ReferralStatus;
import org.rehabnet.intake.referral.Urgency;

/**
 * One line of a site's waiting list: what a coordinator needs to call the next patient.
 * {@code daysWaiting} counts calendar days in the site's time zone since the referral arrived;
 * {@code openSafetyAlert} says an intake safety alert about the referral awaits acknowledgement.
 */
record WaitingListEntry(int position, UUID referralId, UUID patientId, String mrn, String givenName,
    String familyName, Urgency urgency, ReferralStatus status, ReferralSource source, Instant receivedAt,
    long daysWaiting, boolean assessmentDone, boolean openSafetyAlert) {

  @Override
  public String toString() {
    return "WaitingListEntry[" + referralId + "]";
  }
}
