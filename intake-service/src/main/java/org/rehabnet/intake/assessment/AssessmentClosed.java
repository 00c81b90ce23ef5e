package org.rehabnet.intake.assessment;

import java.util.Map;
import org.rehabnet.intake.referral.ReferralStatus;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** The referral is admitted, declined or withdrawn: its assessment is now part of the record. */
class AssessmentClosed extends DomainProblem {

  AssessmentClosed(ReferralStatus status) {
    super(ProblemType.CONFLICT, "The assessment of a referral that is " + status + " cannot change",
        Map.of("rule", "assessment-closed", "status", status.name()));
  }
}
