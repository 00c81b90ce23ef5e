package org.rehabnet.monitoring.episode;

import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** A write at a site the caller does not work at (a clinical lead reads everywhere, writes nowhere). */
public class NotAtThisSite extends DomainProblem {

  NotAtThisSite(String site) {
    super(ProblemType.WRONG_SITE, "You do not work at site " + site);
  }
}
