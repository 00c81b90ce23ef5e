package org.rehabnet.monitoring.withdrawal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Pasero Opioid-induced Sedation Scale (Pasero, J Perianesth Nurs 2009): S asleep and easy to
 * arouse, 1 awake and alert, 2 slightly drowsy, 3 frequently drowsy (hold opioids), 4 somnolent.
 */
public enum Poss {
  S("S", 0),
  ONE("1", 1),
  TWO("2", 2),
  THREE("3", 3),
  FOUR("4", 4);

  private final String code;
  private final int level;

  Poss(String code, int level) {
    this.code = code;
    this.level = level;
  }

  @JsonValue
  public String code() {
    return code;
  }

  /** S counts as 0: asleep but easy to arouse is not opioid sedation. */
  public int level() {
    return level;
  }

  @JsonCreator
  static Poss of(String code) {
    for (Poss poss : values()) {
      if (poss.code.equalsIgnoreCase(code)) {
        return poss;
      }
    }
    throw new IllegalArgumentException("POSS is S, 1, 2, 3 or 4");
  }
}
