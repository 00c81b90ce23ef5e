package org.rehabnet.intake.referral;

import java.util.Map;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** Only an accepted referral leads to an admission. */
class ReferralNotAccepted extends DomainProblem {

  ReferralNotAccepted(ReferralStatus status) {
    super(ProblemType.BUSINESS_RULE, "Only an accepted referral can be admitted; this one is " + status,
        Map.of("rule", "referral-not-accepted", "status", status.name()));
  }
}
