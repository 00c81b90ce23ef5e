package org.rehabnet.monitoring.withdrawal;

import java.util.List;
import java.util.Map;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.FieldError;
import org.rehabnet.platform.web.problem.ProblemType;

/** COWS item values outside their anchors, each named. */
class InvalidCowsItems extends DomainProblem {

  InvalidCowsItems(List<FieldError> errors) {
    super(ProblemType.VALIDATION,
        "Invalid fields: " + String.join(", ", errors.stream().map(FieldError::field).toList()),
        Map.of("errors", errors));
  }
}
