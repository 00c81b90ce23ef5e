package org.rehabnet.monitoring.alert;

import java.util.UUID;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** Someone acknowledged the alert already. */
class AlertAlreadyAcknowledged extends DomainProblem {

  AlertAlreadyAcknowledged(UUID alertId) {
    super(ProblemType.CONFLICT, "Alert " + alertId + " is already acknowledged");
  }
}
