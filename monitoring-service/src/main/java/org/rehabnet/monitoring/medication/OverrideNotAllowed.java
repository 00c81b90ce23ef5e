package org.rehabnet.monitoring.medication;

import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** Only a physician may set a dosing rule aside. */
class OverrideNotAllowed extends DomainProblem {

  OverrideNotAllowed() {
    super(ProblemType.FORBIDDEN, "Only a physician may override a dosing rule");
  }
}
