package org.rehabnet.intake.site;

import java.util.Map;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** The bed holds a patient: it can neither take another admission nor go out of service. */
class BedOccupied extends DomainProblem {

  BedOccupied(String site, String bed) {
    super(ProblemType.CONFLICT, "Bed " + bed + " of site " + site + " is occupied",
        Map.of("rule", "bed-occupied", "site", site, "bed", bed));
  }
}
