package org.rehabnet.intake.site;

import java.util.Map;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** Every bed of the site is taken (or out of service): the patient stays on the waiting list. */
public class SiteFull extends DomainProblem {

  public SiteFull(String site) {
    super(ProblemType.CONFLICT, "Site " + site + " has no free bed", Map.of("rule", "site-full", "site", site));
  }
}
