package org.rehabnet.intake.admission;

import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** Staff may admit only to a site they work at. */
class WrongSite extends DomainProblem {

  WrongSite(String site) {
    super(ProblemType.WRONG_SITE, "You cannot admit to site " + site + ": it is not one of your sites");
  }
}
