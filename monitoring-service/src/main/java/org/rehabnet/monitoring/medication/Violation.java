package org.rehabnet.monitoring.medication;

import java.util.List;

/**
 * A rule a dose breaks, with a detail that names the limit and never the patient's values.
 *
 * @param missing for {@link DoseRule#OBSERVATIONS_NOT_CURRENT}: which observations are missing or too old
 */
record Violation(DoseRule rule, String detail, List<BedsideObservation> missing) {

  Violation {
    missing = List.copyOf(missing);
  }

  Violation(DoseRule rule, String detail) {
    this(rule, detail, List.of());
  }
}
