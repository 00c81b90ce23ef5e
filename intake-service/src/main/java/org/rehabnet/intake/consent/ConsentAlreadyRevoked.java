package org.rehabnet.intake.consent;

import java.util.Map;
import java.util.UUID;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** A consent is revoked once. */
class ConsentAlreadyRevoked extends DomainProblem {

  ConsentAlreadyRevoked(UUID consentId) {
    super(ProblemType.CONFLICT, "Consent " + consentId + " is already revoked", Map.of("rule", "consent-revoked"));
  }
}
