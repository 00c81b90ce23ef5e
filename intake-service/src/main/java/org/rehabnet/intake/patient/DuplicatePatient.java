package org.rehabnet.intake.patient;

import java.util.Map;
import java.util.UUID;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/**
 * The person is already registered (same name and birth date) at a site the caller reads. Only the
 * existing id is told: the caller refers and admits that patient. A match the caller may not read is
 * never this problem (see {@code PatientRegistry#refuseReadableDuplicate}).
 */
class DuplicatePatient extends DomainProblem {

  DuplicatePatient(UUID existingPatientId) {
    super(ProblemType.CONFLICT, "A patient with this name and date of birth is already registered;"
        + " refer the existing patient instead", Map.of("existingPatientId", existingPatientId));
  }
}
