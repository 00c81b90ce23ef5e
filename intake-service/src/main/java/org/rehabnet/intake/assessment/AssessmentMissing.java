package org.rehabnet.intake.assessment;

import java.util.Map;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** Admission needs a complete pre-admission assessment of the referral. */
class AssessmentMissing extends DomainProblem {

  AssessmentMissing() {
    super(ProblemType.BUSINESS_RULE, "The referral has no complete pre-admission assessment",
        Map.of("rule", "assessment-required"));
  }
}
