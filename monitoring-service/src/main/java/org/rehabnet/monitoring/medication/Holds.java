package org.rehabnet.monitoring.medication;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.intake.SiteSettings;

/**
 * Hold rules, failing closed (docs/clinical-rules.md, "Holds"). Opioid agonists and sedatives are held
 * when sedated (POSS 3 or more), breathing slowly (below 10/min) or desaturated (SpO2 below 90 %), and
 * refused when respiration, SpO2 or POSS was not charted within the site's window (60 min): missing or
 * old data is never "no hold". Alpha-2 agonists (clonidine, lofexidine) are held below the site's
 * systolic and pulse floors (90 mmHg, 55/min) and need the same current vital signs. With NEWS2 SpO2
 * scale 2 the patient's prescribed target is 88-92 %, so SpO2 holds only below 88 %.
 */
final class Holds {

  /** RCP 2017, NEWS2 scale 2: the prescribed target range for hypercapnic respiratory failure starts at 88 %. */
  static final int SCALE_2_SPO2_HOLD_BELOW = 88;

  private Holds() {}

  static void check(DoseProposal dose, SiteSettings.Holds holds, List<Violation> violations) {
    switch (dose.drug().kind()) {
      case OPIOID_AGONIST, SEDATIVE -> sedationAndBreathing(dose, holds, violations);
      case ALPHA2_AGONIST -> bloodPressureAndPulse(dose, holds, violations);
      case SYMPTOMATIC, ANTAGONIST -> {
        // Loperamide and ondansetron need no hold; naloxone is never held.
      }
    }
  }

  private static void sedationAndBreathing(DoseProposal dose, SiteSettings.Holds holds, List<Violation> violations) {
    DoseProposal.Bedside bedside = dose.bedside();
    boolean vitalsCurrent = current(bedside.vitalsAt(), dose.at(), holds.observationsValidFor());
    boolean possCurrent = current(bedside.possAt(), dose.at(), holds.observationsValidFor());
    List<BedsideObservation> missing = new ArrayList<>();
    if (!vitalsCurrent || bedside.respirationRate() == null) {
      missing.add(BedsideObservation.RESPIRATION_RATE);
    }
    if (!vitalsCurrent || bedside.spo2() == null) {
      missing.add(BedsideObservation.SPO2);
    }
    if (!possCurrent || bedside.possLevel() == null) {
      missing.add(BedsideObservation.POSS);
    }
    if (!missing.isEmpty()) {
      violations.add(new Violation(DoseRule.OBSERVATIONS_NOT_CURRENT, "Chart " + names(missing)
          + " within " + holds.observationsValidFor().toMinutes() + " minutes before this dose", missing));
    }
    if (possCurrent && bedside.possLevel() != null && bedside.possLevel() >= holds.possAtLeast()) {
      violations.add(new Violation(DoseRule.HOLD_SEDATION, "Held while POSS is " + holds.possAtLeast() + " or more"));
    }
    if (vitalsCurrent && bedside.respirationRate() != null
        && bedside.respirationRate() < holds.respirationRateBelow()) {
      violations.add(new Violation(DoseRule.HOLD_RESPIRATORY_RATE, "Held while the respiration rate is below "
          + holds.respirationRateBelow() + "/min"));
    }
    int spo2Below = spo2HoldBelow(holds, bedside.spo2Scale2());
    if (vitalsCurrent && bedside.spo2() != null && bedside.spo2() < spo2Below) {
      violations.add(new Violation(DoseRule.HOLD_OXYGEN_SATURATION, "Held while SpO2 is below " + spo2Below + " %"
          + (bedside.spo2Scale2() ? " (SpO2 scale 2)" : "")));
    }
  }

  private static void bloodPressureAndPulse(DoseProposal dose, SiteSettings.Holds holds,
      List<Violation> violations) {
    DoseProposal.Bedside bedside = dose.bedside();
    boolean vitalsCurrent = current(bedside.vitalsAt(), dose.at(), holds.observationsValidFor());
    List<BedsideObservation> missing = new ArrayList<>();
    if (!vitalsCurrent || bedside.systolic() == null) {
      missing.add(BedsideObservation.SYSTOLIC);
    }
    if (!vitalsCurrent || bedside.pulse() == null) {
      missing.add(BedsideObservation.PULSE);
    }
    if (!missing.isEmpty()) {
      violations.add(new Violation(DoseRule.OBSERVATIONS_NOT_CURRENT, "Chart " + names(missing)
          + " within " + holds.observationsValidFor().toMinutes() + " minutes before this dose", missing));
      return;
    }
    if (bedside.systolic() < holds.adjunctSystolicBelow()) {
      violations.add(new Violation(DoseRule.HOLD_BLOOD_PRESSURE, "Held while the systolic pressure is below "
          + holds.adjunctSystolicBelow() + " mmHg"));
    }
    if (bedside.pulse() < holds.adjunctPulseBelow()) {
      violations.add(new Violation(DoseRule.HOLD_PULSE, "Held while the pulse is below "
          + holds.adjunctPulseBelow() + "/min"));
    }
  }

  /** Under scale 2 a saturation of 88-92 % is the prescribed target, not a reason to hold. */
  static int spo2HoldBelow(SiteSettings.Holds holds, boolean scale2) {
    return scale2 ? Math.min(holds.spo2Below(), SCALE_2_SPO2_HOLD_BELOW) : holds.spo2Below();
  }

  /** Charted no longer ago than the window: at exactly the window's length it still counts. */
  static boolean current(@Nullable Instant chartedAt, Instant at, Duration window) {
    return chartedAt != null && !chartedAt.isAfter(at) && Duration.between(chartedAt, at).compareTo(window) <= 0;
  }

  private static String names(List<BedsideObservation> missing) {
    return String.join(", ", missing.stream().map(Enum::name).toList());
  }
}
