package org.rehabnet.intake.assessment;

import java.util.List;

/**
 * GAD-7 (LOINC 70274-6): 7 items 0–3, total 0–21; 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21
 * severe. Source: Spitzer et al. 2006 (shared/clinical-reference.md, "Mental health screening").
 */
record Gad7(int total, Band band) {

  static final int ITEMS = 7;
  static final int MAX_ITEM = 3;

  static Gad7 score(List<Integer> items) {
    int total = Questionnaire.total(items, ITEMS, MAX_ITEM, "GAD-7");
    return new Gad7(total, Band.of(total));
  }

  /** Anxiety severity bands. */
  enum Band {
    MINIMAL,
    MILD,
    MODERATE,
    SEVERE;

    static Band of(int total) {
      if (total >= 15) {
        return SEVERE;
      }
      if (total >= 10) {
        return MODERATE;
      }
      return total >= 5 ? MILD : MINIMAL;
    }
  }
}
