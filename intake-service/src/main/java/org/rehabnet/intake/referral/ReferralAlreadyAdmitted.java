package org.rehabnet.intake.referral;

import java.util.Map;
import java.util.UUID;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/**
 * An admission sent again for a referral that is already admitted: a client that lost the first
 * answer (a timeout, no Idempotency-Key) learns which admission it made instead of a bare refusal.
 * Only a writer of the referral's site gets here, so the id reveals nothing to anyone else.
 */
class ReferralAlreadyAdmitted extends DomainProblem {

  ReferralAlreadyAdmitted(UUID admissionId) {
    super(ProblemType.CONFLICT, "This referral is already admitted; the admission is " + admissionId,
        Map.of("rule", "referral-already-admitted", "admissionId", admissionId.toString(),
            "admission", "/v1/admissions/" + admissionId));
  }
}
