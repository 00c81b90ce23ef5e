package org.rehabnet.intake.referral;

import java.util.List;
import java.util.UUID;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.stereotype.Component;

/** What the assessment and admission features may ask of referrals. */
@Component
public class ReferralBook {

  private final ReferralService referrals;

  ReferralBook(ReferralService referrals) {
    this.referrals = referrals;
  }

  /** A referral the caller may read; another site's is {@code NotFound}. */
  public ReferralRef readable(UUID referralId, Caller caller) {
    return referrals.readableRef(referralId, caller);
  }

  /** A referral the caller may change; another site's is {@code NotFound}. */
  public ReferralRef writable(UUID referralId, Caller caller) {
    return referrals.writableRef(referralId, caller);
  }

  /** The site's waiting list: open referrals by urgency, then arrival. The caller checks the site. */
  public List<WaitingReferral> waitingAt(String site) {
    return referrals.waitingAt(site);
  }

  /** Marks an accepted referral admitted, in the admission's transaction; refuses any other. */
  public ReferralRef admit(UUID referralId, UUID admissionId, Caller caller) {
    return referrals.admit(referralId, admissionId, caller);
  }
}
