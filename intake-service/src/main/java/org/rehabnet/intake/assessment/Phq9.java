package org.rehabnet.intake.assessment;

import java.util.List;

/**
 * PHQ-9 (LOINC 44261-6): 9 items 0–3, total 0–27; 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19
 * moderately severe, 20–27 severe. Item 9 (thoughts of self-harm) above 0 is a safety alert whatever
 * the total. Source: Kroenke et al. 2001 (shared/clinical-reference.md, "Mental health screening").
 */
record Phq9(int total, Band band, boolean selfHarmRisk) {

  static final int ITEMS = 9;
  static final int MAX_ITEM = 3;

  static Phq9 score(List<Integer> items) {
    int total = Questionnaire.total(items, ITEMS, MAX_ITEM, "PHQ-9");
    return new Phq9(total, Band.of(total), items.get(ITEMS - 1) > 0);
  }

  /** Depression severity bands. */
  enum Band {
    MINIMAL,
    MILD,
    MODERATE,
    MODERATELY_SEVERE,
    SEVERE;

    static Band of(int total) {
      if (total >= 20) {
        return SEVERE;
      }
      if (total >= 15) {
        return MODERATELY_SEVERE;
      }
      if (total >= 10) {
        return MODERATE;
      }
      return total >= 5 ? MILD : MINIMAL;
    }
  }
}
