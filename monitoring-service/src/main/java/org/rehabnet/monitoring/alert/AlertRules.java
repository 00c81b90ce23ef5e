package org.rehabnet.monitoring.alert;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.events.clinical.AlertSeverity;

/**
 * The chart's alert rules, from shared/clinical-reference.md ("Alerts the chart must raise"): each
 * takes the facts one charting event knows and says which alerts to raise.
 */
public final class AlertRules {

  /** RR below 10/min, SpO2 below 90 % or POSS 3 or more; worse within 4 h of an opioid dose. */
  public static List<AlertSignal> respiratoryDepression(@Nullable Integer respirationRate, @Nullable Integer spo2,
      @Nullable Integer possLevel, boolean opioidDoseWithinFourHours) {
    List<String> reasons = new ArrayList<>();
    if (respirationRate != null && respirationRate < 10) {
      reasons.add("respiration rate below 10/min");
    }
    if (spo2 != null && spo2 < 90) {
      reasons.add("SpO2 below 90 %");
    }
    if (possLevel != null && possLevel >= 3) {
      reasons.add("POSS 3 or more");
    }
    if (reasons.isEmpty()) {
      return List.of();
    }
    boolean emergency = opioidDoseWithinFourHours || (possLevel != null && possLevel >= 4);
    return List.of(new AlertSignal(AlertKind.RESPIRATORY_DEPRESSION,
        emergency ? AlertSeverity.EMERGENCY : AlertSeverity.HIGH,
        String.join(", ", reasons) + (opioidDoseWithinFourHours ? " within 4 h of an opioid dose" : "")));
  }

  /** Vomiting (COWS GI 3 or more, or observed) with reduced consciousness or POSS 3 or more. */
  public static List<AlertSignal> aspirationRisk(boolean vomiting, boolean reducedConsciousness,
      @Nullable Integer possLevel) {
    boolean drowsy = reducedConsciousness || (possLevel != null && possLevel >= 3);
    return vomiting && drowsy
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

  /** PHQ-9 item 9 above 0 (self-harm thoughts) at any time, whatever the total. */
  public static List<AlertSignal> selfHarmRisk(boolean flagged) {
    return flagged
        ? List.of(new AlertSignal(AlertKind.SELF_HARM_RISK, AlertSeverity.HIGH, "PHQ-9 item 9 above 0 at intake"))
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
