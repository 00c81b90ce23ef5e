package org.rehabnet.aftercare.checkin;

import java.util.List;

/**
 * PHQ-9 (LOINC 44261-6; clinical-reference.md "Mental health screening"): 9 items 0-3, total 0-27;
 * 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe. Item 9 above 0 is a
 * safety alert whatever the total.
 */
record Phq9(List<Integer> items) {

  enum Band {
    MINIMAL,
    MILD,
    MODERATE,
    MODERATELY_SEVERE,
    SEVERE
  }

  Phq9 {
    if (items.size() != 9 || items.stream().anyMatch(item -> item == null || item < 0 || item > 3)) {
      throw new IllegalArgumentException("PHQ-9 has 9 items scored 0-3");
    }
    items = List.copyOf(items);
  }

  int total() {
    return items.stream().mapToInt(Integer::intValue).sum();
  }

  int item9() {
    return items.get(8);
  }

  boolean selfHarmRisk() {
    return item9() > 0;
  }

  Band band() {
    return bandOf(total());
  }

  static Band bandOf(int total) {
    if (total <= 4) {
      return Band.MINIMAL;
    } else if (total <= 9) {
      return Band.MILD;
    } else if (total <= 14) {
      return Band.MODERATE;
    } else if (total <= 19) {
      return Band.MODERATELY_SEVERE;
    }
    return Band.SEVERE;
  }
}
