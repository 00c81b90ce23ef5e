package org.rehabnet.monitoring.medication;

import java.util.List;

/** The policy's answer to a dose, including who may set which refusal aside. */
sealed interface DoseDecision {

  /** Every rule holds. */
  record Give(List<DoseWarning> warnings) implements DoseDecision {}

  /** Overridable rules broken, set aside by a physician's written reason: recorded and alerted. */
  record GiveOverridden(List<DoseRule> overridden, String reason, List<DoseWarning> warnings)
      implements DoseDecision {}

  /** A rule holds against the dose: 422 unsafe-dose. */
  record Refuse(Verdict verdict) implements DoseDecision {}

  /** Overridable rules and a reason, but the caller is not a physician: 403. */
  record OverrideNotPermitted(Verdict verdict) implements DoseDecision {}
}
