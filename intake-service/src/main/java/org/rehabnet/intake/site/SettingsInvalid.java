package org.rehabnet.intake.site;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.FieldError;
import org.rehabnet.platform.web.problem.ProblemType;

/** A settings document that breaks its bounds: a 400 listing every field, so the admin fixes all at once. */
class SettingsInvalid extends DomainProblem {

  SettingsInvalid(List<FieldError> errors) {
    super(ProblemType.VALIDATION, "Invalid fields: "
        + errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", ")),
        Map.of("errors", List.copyOf(errors)));
  }
}
