package org.rehabnet.intake.safety;

import java.util.Map;
import java.util.UUID;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** An alert is acknowledged once: the first acknowledgement says who took it on. */
class AlertAlreadyAcknowledged extends DomainProblem {

  AlertAlreadyAcknowledged(UUID alertId) {
    super(ProblemType.CONFLICT, "Safety alert " + alertId + " is already acknowledged",
        Map.of("rule", "alert-already-acknowledged"));
  }
}
