package org.rehabnet.monitoring.medication;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;

/**
 * A dose or order a safety rule refuses: {@code rule} names the first rule broken (a rule no reason
 * unlocks comes first), {@code rules} all of them, {@code overridable} whether a physician's reason
 * could set them all aside, {@code warnings} the typed warnings, and {@code missingObservations} what
 * must be charted first when observations are not current.
 */
class UnsafeDose extends DomainProblem {

  UnsafeDose(Verdict verdict) {
    super(ProblemType.UNSAFE_DOSE, verdict.violations().getFirst().detail(), members(verdict));
  }

  UnsafeDose(List<Violation> violations) {
    this(new Verdict(violations, List.of()));
  }

  private static Map<String, Object> members(Verdict verdict) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("rule", verdict.violations().getFirst().rule().name());
    members.put("rules", verdict.rules().stream().map(Enum::name).toList());
    members.put("overridable", verdict.overridable());
    members.put("warnings", verdict.warnings().stream().map(Enum::name).toList());
    List<String> missing = verdict.violations().stream().flatMap(v -> v.missing().stream()).map(Enum::name)
        .distinct().toList();
    if (!missing.isEmpty()) {
      members.put("missingObservations", missing);
    }
    return members;
  }
}
