package org.rehabnet.monitoring.medication;

/** The safety rules a dose can break; the name is the {@code rule} member of the 422 problem. */
enum DoseRule {
  OTP_REQUIRED(false),
  HOLD_SEDATION(true),
  HOLD_RESPIRATORY_RATE(true),
  HOLD_OXYGEN_SATURATION(true),
  INDUCTION_THRESHOLD(true),
  SHORT_ACTING_OPIOID_WAIT(true),
  SINGLE_DOSE_RANGE(true),
  MINIMUM_INTERVAL(true),
  DAILY_MAXIMUM(true);

  private final boolean overridable;

  DoseRule(boolean overridable) {
    this.overridable = overridable;
  }

  /** Methadone outside an OTP is a legal limit, not a clinical judgement: no override. */
  boolean overridable() {
    return overridable;
  }
}
