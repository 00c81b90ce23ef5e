package org.rehabnet.monitoring.medication;

import java.util.List;
import java.util.Map;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/** A dose or order a safety rule refuses; {@code rule} names the first rule broken, {@code rules} all. */
class UnsafeDose extends DomainProblem {

  UnsafeDose(List<DosingPolicy.Violation> violations, List<String> warnings) {
    super(ProblemType.UNSAFE_DOSE, violations.getFirst().detail(), Map.of(
        "rule", violations.getFirst().rule().name(),
        "rules", violations.stream().map(v -> v.rule().name()).toList(),
        "overridable", violations.stream().allMatch(v -> v.rule().overridable()),
        "warnings", warnings));
  }
}
