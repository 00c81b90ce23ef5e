package org.rehabnet.intake.site;

import java.util.Map;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** The bed is out of service: no admission goes to it (and it is out of service already). */
class BedOutOfService extends DomainProblem {

  BedOutOfService(String site, String bed) {
    super(ProblemType.CONFLICT, "Bed " + bed + " of site " + site + " is out of service",
        Map.of("rule", "bed-out-of-service", "site", site, "bed", bed));
  }
}
