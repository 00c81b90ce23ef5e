package org.rehabnet.intake.site;

import java.util.Map;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** Only a bed that is out of service can be put back into service. */
class BedInService extends DomainProblem {

  BedInService(String site, String bed) {
    super(ProblemType.CONFLICT, "Bed " + bed + " of site " + site + " is not out of service",
        Map.of("rule", "bed-in-service", "site", site, "bed", bed));
  }
}
