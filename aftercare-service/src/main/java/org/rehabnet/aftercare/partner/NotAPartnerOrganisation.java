package org.rehabnet.aftercare.partner;

import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** A partner token that names no organisation: no consent can ever name it. */
class NotAPartnerOrganisation extends DomainProblem {

  NotAPartnerOrganisation() {
    super(ProblemType.FORBIDDEN, "The token names no partner organisation (claim partner_org)");
  }
}
