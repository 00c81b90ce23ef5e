package org.rehabnet.monitoring.medication;

import java.util.UUID;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** The order was stopped: no more doses against it. */
class OrderNotActive extends DomainProblem {

  OrderNotActive(UUID orderId) {
    super(ProblemType.CONFLICT, "Medication order " + orderId + " is not active");
  }
}
