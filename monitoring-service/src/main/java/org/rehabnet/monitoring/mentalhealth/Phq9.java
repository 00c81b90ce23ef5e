package org.rehabnet.monitoring.mentalhealth;

import java.util.List;

/**
 * The PHQ-9 (Kroenke et al. 2001; LOINC 44261-6; docs/clinical-rules.md, "PHQ-9"): nine items 0-3,
 * total 0-27, bands 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe.
 * Item 9 (thoughts of self-harm) above 0 is a safety alert whatever the total.
 */
final class Phq9 {

  static final String LOINC = "44261-6";
  static final int ITEMS = 9;

  enum Band {
    MINIMAL,
    MILD,
    MODERATE,
    MODERATELY_SEVERE,
    SEVERE
  }

  private Phq9() {}

  static int total(List<Integer> items) {
    if (items.size() != ITEMS || items.stream().anyMatch(item -> item == null || item < 0 || item > 3)) {
      throw new IllegalArgumentException("PHQ-9 has nine items of 0-3");
    }
    return items.stream().mapToInt(Integer::intValue).sum();
  }

  static Band band(int total) {
    if (total < 0 || total > 27) {
      throw new IllegalArgumentException("PHQ-9 total is 0-27");
    }
    if (total <= 4) {
      return Band.MINIMAL;
    }
    if (total <= 9) {
      return Band.MILD;
    }
    if (total <= 14) {
      return Band.MODERATE;
    }
    return total <= 19 ? Band.MODERATELY_SEVERE : Band.SEVERE;
  }

  /** Item 9, "thoughts that you would be better off dead, or of hurting yourself". */
  static boolean selfHarmRisk(List<Integer> items) {
    return items.get(ITEMS - 1) > 0;
  }
}
