package org.rehabnet.monitoring.withdrawal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.rehabnet.platform.web.problem.FieldError;

/**
 * The Clinical Opiate Withdrawal Scale (Wesson &amp; Ling, J Psychoactive Drugs 2003): 11 items, each
 * with only its anchored values valid (anything else is refused, never rounded), total 0-48 and
 * its bands, as in docs/clinical-rules.md ("COWS and POSS").
 */
public final class CowsScale {

  /** The items, with their valid values and their JSON names. */
  public enum Item {
    RESTING_PULSE("restingPulse", 0, 1, 2, 4),
    SWEATING("sweating", 0, 1, 2, 3, 4),
    RESTLESSNESS("restlessness", 0, 1, 3, 5),
    PUPIL_SIZE("pupilSize", 0, 1, 2, 5),
    BONE_JOINT_ACHES("boneJointAches", 0, 1, 2, 4),
    RUNNY_NOSE("runnyNose", 0, 1, 2, 4),
    GI_UPSET("giUpset", 0, 1, 2, 3, 5),
    TREMOR("tremor", 0, 1, 2, 4),
    YAWNING("yawning", 0, 1, 2, 4),
    ANXIETY("anxiety", 0, 1, 2, 4),
    GOOSEFLESH("gooseflesh", 0, 3, 5);

    private final String field;
    private final Set<Integer> valid;

    Item(String field, Integer... valid) {
      this.field = field;
      this.valid = Set.of(valid);
    }

    public String field() {
      return field;
    }

    public Set<Integer> validValues() {
      return valid;
    }

    public int highest() {
      return valid.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    String validList() {
      return valid.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
    }
  }

  /** Withdrawal severity by total. */
  public enum Band {
    /** Below 5: no active withdrawal. */
    NONE,
    /** 5-12. */
    MILD,
    /** 13-24. */
    MODERATE,
    /** 25-36. */
    MODERATELY_SEVERE,
    /** Above 36. */
    SEVERE
  }

  /** Every item whose value is not one of its anchors, named by its JSON field. */
  public static List<FieldError> invalidItems(Map<Item, Integer> scores) {
    List<FieldError> errors = new ArrayList<>();
    for (Item item : Item.values()) {
      Integer value = scores.get(item);
      if (value == null || !item.valid.contains(value)) {
        errors.add(new FieldError(item.field, "must be one of " + item.validList()));
      }
    }
    return errors;
  }

  public static int total(Map<Item, Integer> scores) {
    if (!invalidItems(scores).isEmpty()) {
      throw new IllegalArgumentException("COWS items are not all valid");
    }
    return scores.values().stream().mapToInt(Integer::intValue).sum();
  }

  public static Band band(int total) {
    if (total < 0 || total > 48) {
      throw new IllegalArgumentException("COWS total is 0-48");
    }
    if (total < 5) {
      return Band.NONE;
    }
    if (total <= 12) {
      return Band.MILD;
    }
    if (total <= 24) {
      return Band.MODERATE;
    }
    return total <= 36 ? Band.MODERATELY_SEVERE : Band.SEVERE;
  }

  static Map<Item, Integer> scores(RecordCows request) {
    Map<Item, Integer> scores = new EnumMap<>(Item.class);
    put(scores, Item.RESTING_PULSE, request.restingPulse());
    put(scores, Item.SWEATING, request.sweating());
    put(scores, Item.RESTLESSNESS, request.restlessness());
    put(scores, Item.PUPIL_SIZE, request.pupilSize());
    put(scores, Item.BONE_JOINT_ACHES, request.boneJointAches());
    put(scores, Item.RUNNY_NOSE, request.runnyNose());
    put(scores, Item.GI_UPSET, request.giUpset());
    put(scores, Item.TREMOR, request.tremor());
    put(scores, Item.YAWNING, request.yawning());
    put(scores, Item.ANXIETY, request.anxiety());
    put(scores, Item.GOOSEFLESH, request.gooseflesh());
    return scores;
  }

  private static void put(Map<Item, Integer> scores, Item item, @org.jspecify.annotations.Nullable Integer value) {
    if (value != null) {
      scores.put(item, value);
    }
  }

  private CowsScale() {}
}
