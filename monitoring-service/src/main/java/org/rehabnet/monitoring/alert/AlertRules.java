package org.rehabnet.monitoring.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.events.clinical.AlertSeverity;

/**
 * The chart's alert rules (docs/clinical-rules.md, "Alerts"): each takes the facts one charting event
 * knows and says which alerts to raise. Reasons name the rule, never the patient's values.
 */
public final class AlertRules {

  /** Peak effect after an opioid dose: respiratory depression within it is an emergency (reference: 4 h). */
  public static final Duration OPIOID_PEAK_WINDOW = Duration.ofHours(4);
  /**
   * How far back vomiting counts for aspiration risk when sedation or reduced consciousness is
   * charted after it: 4 h, the length of a routine reassessment interval (clinic policy, documented).
   */
  public static final Duration VOMITING_LOOKBACK = Duration.ofHours(4);
  /** RR below 10/min, SpO2 below 90 % (88 % on scale 2) or POSS 3 or more: respiratory depression. */
  static final int RESPIRATION_BELOW = 10;
  static final int SPO2_BELOW = 90;
  static final int SCALE_2_SPO2_BELOW = 88;
  static final int POSS_AT_LEAST = 3;

  /** An opioid agonist given no longer than 4 h ago (at exactly 4 h it still counts). */
  public static boolean withinOpioidPeak(@Nullable Instant lastOpioidDoseAt, Instant now) {
    return lastOpioidDoseAt != null && !lastOpioidDoseAt.isAfter(now)
        && Duration.between(lastOpioidDoseAt, now).compareTo(OPIOID_PEAK_WINDOW) <= 0;
  }

  /**
   * RR below 10/min, SpO2 below 90 % or POSS 3 or more: HIGH, and EMERGENCY within 4 h of an opioid
   * dose or at POSS 4. With SpO2 scale 2 the prescribed target is 88-92 %, so SpO2 counts below 88 %.
   */
  public static List<AlertSignal> respiratoryDepression(@Nullable Integer respirationRate, @Nullable Integer spo2,
      boolean spo2Scale2, @Nullable Integer possLevel, boolean opioidDoseWithinFourHours) {
    List<String> reasons = new ArrayList<>();
    if (respirationRate != null && respirationRate < RESPIRATION_BELOW) {
      reasons.add("respiration rate below " + RESPIRATION_BELOW + "/min");
    }
    int spo2Below = spo2Scale2 ? SCALE_2_SPO2_BELOW : SPO2_BELOW;
    if (spo2 != null && spo2 < spo2Below) {
      reasons.add("SpO2 below " + spo2Below + " %" + (spo2Scale2 ? " (scale 2)" : ""));
    }
    if (possLevel != null && possLevel >= POSS_AT_LEAST) {
      reasons.add("POSS " + POSS_AT_LEAST + " or more");
    }
    if (reasons.isEmpty()) {
      return List.of();
    }
    boolean emergency = opioidDoseWithinFourHours || (possLevel != null && possLevel >= 4);
    return List.of(new AlertSignal(AlertKind.RESPIRATORY_DEPRESSION,
        emergency ? AlertSeverity.EMERGENCY : AlertSeverity.HIGH,
        String.join(", ", reasons) + (opioidDoseWithinFourHours ? " within 4 h of an opioid dose" : "")));
  }

  /**
   * Vomiting (COWS GI upset 3 or more, or a vomiting observation, within the last 4 h) with reduced
   * consciousness (not Alert) or POSS 3 or more.
   */
  public static List<AlertSignal> aspirationRisk(boolean vomitingRecently, boolean reducedConsciousness,
      @Nullable Integer possLevel) {
    boolean drowsy = reducedConsciousness || (possLevel != null && possLevel >= POSS_AT_LEAST);
    return vomitingRecently && drowsy
        ? List.of(new AlertSignal(AlertKind.ASPIRATION_RISK, AlertSeverity.HIGH,
            "vomiting with reduced consciousness or sedation"))
        : List.of();
  }

  /** COWS above 36 is severe withdrawal; 25-36 only tightens reassessment (the timers do that). */
  public static List<AlertSignal> severeWithdrawal(int cowsTotal) {
    return cowsTotal > 36
        ? List.of(new AlertSignal(AlertKind.SEVERE_WITHDRAWAL, AlertSeverity.HIGH, "COWS above 36"))
        : List.of();
  }

  /** NEWS2 5 or more, or a 3 in a single parameter; 7 or more is an emergency. */
  public static List<AlertSignal> deterioration(int news2Total, boolean singleParameterThree) {
    if (news2Total >= 7) {
      return List.of(new AlertSignal(AlertKind.NEWS2_DETERIORATION, AlertSeverity.EMERGENCY, "NEWS2 7 or more"));
    }
    if (news2Total >= 5) {
      return List.of(new AlertSignal(AlertKind.NEWS2_DETERIORATION, AlertSeverity.HIGH, "NEWS2 5 or more"));
    }
    if (singleParameterThree) {
      return List.of(new AlertSignal(AlertKind.NEWS2_DETERIORATION, AlertSeverity.MEDIUM,
          "NEWS2 3 in a single parameter"));
    }
    return List.of();
  }

  /** PHQ-9 item 9 above 0 at intake, carried by the admission: the chart opens with the alert. */
  public static List<AlertSignal> selfHarmRiskAtIntake(boolean flagged) {
    return flagged
        ? List.of(new AlertSignal(AlertKind.SELF_HARM_RISK, AlertSeverity.HIGH, "PHQ-9 item 9 above 0 at intake"))
        : List.of();
  }

  /** PHQ-9 item 9 above 0 on a re-screen during the stay, whatever the total. */
  public static List<AlertSignal> selfHarmRiskOnRescreen(int item9) {
    return item9 > 0
        ? List.of(new AlertSignal(AlertKind.SELF_HARM_RISK, AlertSeverity.HIGH,
            "PHQ-9 item 9 above 0 on re-screening during the stay"))
        : List.of();
  }

  /** A COWS or vital-signs assessment not charted by its due time. */
  public static AlertSignal overdue(String what) {
    return new AlertSignal(AlertKind.OVERDUE_ASSESSMENT, AlertSeverity.MEDIUM, what + " assessment overdue");
  }

  /** A dose given against a safety rule, by a physician's documented override. */
  public static AlertSignal doseOverride(String rule) {
    return new AlertSignal(AlertKind.DOSE_OVERRIDE, AlertSeverity.HIGH, "dose given over rule " + rule);
  }

  private AlertRules() {}
}
