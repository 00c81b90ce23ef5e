package org.rehabnet.aftercare.plan;

import java.util.UUID;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** A plan was asked for a person aftercare has never heard of (no registration, no admission). */
class UnknownPatient extends DomainProblem {

  UnknownPatient(UUID patientId) {
    super(ProblemType.NOT_FOUND, "unknown patient " + patientId);
  }
}
