package org.rehabnet.portal.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One observation round at the bedside: vital signs, sedation and symptoms, and the COWS, entered
 * together with the pulse entered once. The COWS resting-pulse item is scored from that pulse with the
 * scale's anchors (Wesson &amp; Ling 2003: 0 at 80 or below, 1 at 81-100, 2 at 101-120, 4 above 120);
 * every other COWS item is offered only with its anchored values. Checked whole before anything is
 * sent, so a round is charted entirely or not at all.
 */
record ObservationRound(
    @Nullable Integer respirationRate, @Nullable Integer spo2, @Nullable Boolean onOxygen, @Nullable Integer systolic,
    @Nullable Integer diastolic, @Nullable Integer pulse, @Nullable String consciousness,
    @Nullable BigDecimal temperature, @Nullable String poss, @Nullable Boolean vomiting, @Nullable Boolean insomnia,
    @Nullable Boolean anxious, @Nullable Boolean breathingDifficulty, @Nullable Integer sweating, @Nullable Integer restlessness,
    @Nullable Integer pupilSize, @Nullable Integer boneJointAches, @Nullable Integer runnyNose,
    @Nullable Integer giUpset, @Nullable Integer tremor, @Nullable Integer yawning, @Nullable Integer anxiety,
    @Nullable Integer gooseflesh) {

  /** The COWS items the nurse scores, with their anchored values (the resting pulse comes from the pulse). */
  static final Map<String, List<Integer>> COWS_ITEMS = new LinkedHashMap<>();

  static {
    COWS_ITEMS.put("sweating", List.of(0, 1, 2, 3, 4));
    COWS_ITEMS.put("restlessness", List.of(0, 1, 3, 5));
    COWS_ITEMS.put("pupilSize", List.of(0, 1, 2, 5));
    COWS_ITEMS.put("boneJointAches", List.of(0, 1, 2, 4));
    COWS_ITEMS.put("runnyNose", List.of(0, 1, 2, 4));
    COWS_ITEMS.put("giUpset", List.of(0, 1, 2, 3, 5));
    COWS_ITEMS.put("tremor", List.of(0, 1, 2, 4));
    COWS_ITEMS.put("yawning", List.of(0, 1, 2, 4));
    COWS_ITEMS.put("anxiety", List.of(0, 1, 2, 4));
    COWS_ITEMS.put("gooseflesh", List.of(0, 3, 5));
  }

  static int restingPulseScore(int pulse) {
    if (pulse <= 80) {
      return 0;
    }
    if (pulse <= 100) {
      return 1;
    }
    return pulse <= 120 ? 2 : 4;
  }

  /** What is missing or out of range, by field; empty when the round can be charted. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    range(problems, "respirationRate", respirationRate, 0, 80);
    range(problems, "spo2", spo2, 50, 100);
    range(problems, "systolic", systolic, 40, 300);
    range(problems, "diastolic", diastolic, 20, 200);
    range(problems, "pulse", pulse, 20, 250);
    if (systolic != null && diastolic != null && diastolic >= systolic) {
      problems.add("diastolic: must be below systolic");
    }
    if (consciousness == null || consciousness.isBlank()) {
      problems.add("consciousness: required");
    }
    if (temperature == null || temperature.compareTo(new BigDecimal("25")) < 0
        || temperature.compareTo(new BigDecimal("45")) > 0 || temperature.scale() > 1) {
      problems.add("temperature: 25.0 to 45.0 °C with one decimal");
    }
    Map<String, Integer> cows = cowsItems();
    for (var item : COWS_ITEMS.entrySet()) {
      Integer value = cows.get(item.getKey());
      if (value == null || !item.getValue().contains(value)) {
        problems.add(item.getKey() + ": one of " + item.getValue());
      }
    }
    return problems;
  }

  Map<String, Object> vitalSigns() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("respirationRate", respirationRate);
    body.put("spo2", spo2);
    body.put("onOxygen", Boolean.TRUE.equals(onOxygen));
    body.put("systolic", systolic);
    body.put("diastolic", diastolic);
    body.put("pulse", pulse);
    body.put("consciousness", consciousness);
    body.put("temperature", temperature);
    return body;
  }

  Map<String, Object> observation() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("poss", poss == null || poss.isBlank() ? null : poss);
    body.put("vomiting", Boolean.TRUE.equals(vomiting));
    body.put("insomnia", Boolean.TRUE.equals(insomnia));
    body.put("anxiety", Boolean.TRUE.equals(anxious));
    body.put("breathingDifficulty", Boolean.TRUE.equals(breathingDifficulty));
    return body;
  }

  Map<String, Object> cows() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("restingPulse", restingPulseScore(pulse == null ? 0 : pulse));
    body.putAll(cowsItems());
    return body;
  }

  private Map<String, Integer> cowsItems() {
    Map<String, Integer> items = new LinkedHashMap<>();
    items.put("sweating", sweating);
    items.put("restlessness", restlessness);
    items.put("pupilSize", pupilSize);
    items.put("boneJointAches", boneJointAches);
    items.put("runnyNose", runnyNose);
    items.put("giUpset", giUpset);
    items.put("tremor", tremor);
    items.put("yawning", yawning);
    items.put("anxiety", anxiety);
    items.put("gooseflesh", gooseflesh);
    return items;
  }

  private static void range(List<String> problems, String field, @Nullable Integer value, int min, int max) {
    if (value == null || value < min || value > max) {
      problems.add(field + ": " + min + " to " + max);
    }
  }

  @Override
  public String toString() {
    return "ObservationRound[values withheld]";
  }
}
