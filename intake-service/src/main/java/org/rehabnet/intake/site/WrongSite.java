package org.rehabnet.intake.site;

import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** Staff write only at a site they work at. */
public class WrongSite extends DomainProblem {

  public WrongSite(String site) {
    super(ProblemType.WRONG_SITE, "You cannot record this at site " + site + ": it is not one of your sites");
  }
}
