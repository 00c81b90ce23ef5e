package org.rehabnet.intake.assessment;

import java.util.List;

/** Sums a questionnaire whose items all share one range; anything else is refused, not rounded. */
final class Questionnaire {

  static int total(List<Integer> items, int count, int maxItem, String name) {
    if (items.size() != count) {
      throw new IllegalArgumentException(name + " has " + count + " items");
    }
    int total = 0;
    for (Integer item : items) {
      if (item == null || item < 0 || item > maxItem) {
        throw new IllegalArgumentException(name + " items are 0.." + maxItem);
      }
      total += item;
    }
    return total;
  }

  private Questionnaire() {}
}
