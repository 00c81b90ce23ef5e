package org.rehabnet.intake.referral;

import java.util.Map;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** The referral is not in a state that allows this step (e.g. accepting a declined referral). */
class IllegalReferralTransition extends DomainProblem {

  IllegalReferralTransition(ReferralStatus from, ReferralStatus to) {
    super(ProblemType.CONFLICT, "A referral that is " + from + " cannot become " + to,
        Map.of("rule", "referral-lifecycle", "status", from.name(), "requested", to.name()));
  }
}
