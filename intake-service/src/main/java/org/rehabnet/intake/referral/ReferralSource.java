package org.rehabnet.intake.referral;

/** Who asked for the admission. READMISSION comes only from aftercare's ReadmissionRequested. */
public enum ReferralSource {
  SELF,
  FAMILY,
  HOSPITAL,
  COURT,
  GP,
  PARTNER_ORGANISATION,
  READMISSION
}
