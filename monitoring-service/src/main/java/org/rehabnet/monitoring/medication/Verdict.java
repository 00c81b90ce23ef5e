package org.rehabnet.monitoring.medication;

import java.util.Comparator;
import java.util.List;

/**
 * What the rules say of a dose: the rules it breaks, the rules no reason unlocks first (the first is
 * the problem's {@code rule}), and the warnings that do not block it.
 */
record Verdict(List<Violation> violations, List<DoseWarning> warnings) {

  Verdict {
    violations = violations.stream()
        .sorted(Comparator.comparing((Violation v) -> v.rule().overridable()))
        .toList();
    warnings = warnings.stream().distinct().toList();
  }

  boolean safe() {
    return violations.isEmpty();
  }

  boolean overridable() {
    return violations.stream().allMatch(v -> v.rule().overridable());
  }

  List<DoseRule> rules() {
    return violations.stream().map(Violation::rule).toList();
  }
}
