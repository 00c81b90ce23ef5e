package org.rehabnet.intake.assessment;

import java.util.Set;
import org.rehabnet.platform.events.clinical.DependenceSeverity;

/**
 * Level of dependence from the DSM-5 OUD criteria met: 0–1 none, 2–3 mild, 4–5 moderate, 6+ severe.
 * Tolerance and withdrawal do not count when opioids are taken only under medical supervision.
 * Source: DSM-5 opioid use disorder, APA 2013 (docs/clinical-rules.md, "Intake").
 */
final class OudSeverity {

  static DependenceSeverity of(Set<OudCriterion> criteria, boolean opioidsOnlyUnderMedicalSupervision) {
    return ofCount(countedCriteria(criteria, opioidsOnlyUnderMedicalSupervision));
  }

  static int countedCriteria(Set<OudCriterion> criteria, boolean opioidsOnlyUnderMedicalSupervision) {
    return (int) criteria.stream()
        .filter(c -> !opioidsOnlyUnderMedicalSupervision
            || (c != OudCriterion.TOLERANCE && c != OudCriterion.WITHDRAWAL))
        .count();
  }

  static DependenceSeverity ofCount(int criteriaMet) {
    if (criteriaMet < 0 || criteriaMet > OudCriterion.values().length) {
      throw new IllegalArgumentException("DSM-5 OUD has 11 criteria");
    }
    if (criteriaMet >= 6) {
      return DependenceSeverity.SEVERE;
    }
    if (criteriaMet >= 4) {
      return DependenceSeverity.MODERATE;
    }
    return criteriaMet >= 2 ? DependenceSeverity.MILD : DependenceSeverity.NONE;
  }

  private OudSeverity() {}
}
