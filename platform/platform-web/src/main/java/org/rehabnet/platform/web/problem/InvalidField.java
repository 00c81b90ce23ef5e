package org.rehabnet.platform.web.problem;

import java.util.List;
import java.util.Map;

/** A field that passed bean validation but breaks a rule only the service can check. */
public class InvalidField extends DomainProblem {

  public InvalidField(String field, String message) {
    super(ProblemType.VALIDATION, field + ": " + message,
        Map.of("errors", List.of(new FieldError(field, message))));
  }
}
