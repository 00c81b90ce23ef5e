package org.rehabnet.intake.referral;

import java.util.Set;

/** new → screening → accepted / declined (with reason) → admitted / withdrawn. */
public enum ReferralStatus {
  NEW,
  SCREENING,
  ACCEPTED,
  DECLINED,
  ADMITTED,
  WITHDRAWN;

  /** Still waiting for a bed or a decision: on the waiting list, and its assessment may change. */
  public boolean isOpen() {
    return OPEN.contains(this);
  }

  private static final Set<ReferralStatus> OPEN = Set.of(NEW, SCREENING, ACCEPTED);
}
