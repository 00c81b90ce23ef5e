package org.rehabnet.monitoring.medication;

/**
 * The safety rules a dose can break; the name is the {@code rule} member of the 422 problem and
 * docs/api.md lists the same names. {@link #overridable()} says whether a physician may set the rule
 * aside with a written reason (recorded on the MAR line, raising DOSE_OVERRIDE); the others are legal
 * or hard pharmacological limits, or a dose that is not the one ordered, and no reason unlocks them.
 */
enum DoseRule {
  /** The site's settings have not arrived from intake: no per-site rule can be applied. */
  SITE_NOT_CONFIGURED(false),
  /** Methadone for opioid use disorder only at a certified opioid treatment program (42 CFR 8.12). */
  OTP_REQUIRED(false),
  ORDER_NOT_ACTIVE(false),
  DRUG_NOT_AS_ORDERED(false),
  /** A different dose needs a new order; a PRN order allows any dose within its range. */
  DOSE_NOT_AS_ORDERED(false),
  ROUTE_NOT_AS_ORDERED(false),
  /** 24 mg of buprenorphine in a treatment day, any day, whatever the overrides before. */
  BUPRENORPHINE_HARD_MAXIMUM(false),
  /** The site's methadone day-1 total (40 mg, or up to 50 mg where the site allows it). */
  METHADONE_DAY_ONE_CEILING(false),
  /** A documented 12-16 mg buprenorphine day 1 on an order, where the site does not allow it or above its limit. */
  DOCUMENTED_DAY_ONE_MAXIMUM(false),
  /** Respiration, SpO2 or POSS (blood pressure and pulse for alpha-2 agonists) not charted within the site window. */
  OBSERVATIONS_NOT_CURRENT(true),
  HOLD_SEDATION(true),
  HOLD_RESPIRATORY_RATE(true),
  HOLD_OXYGEN_SATURATION(true),
  HOLD_BLOOD_PRESSURE(true),
  HOLD_PULSE(true),
  INDUCTION_THRESHOLD(true),
  SHORT_ACTING_OPIOID_WAIT(true),
  /** The site's longer wait before buprenorphine after a fentanyl-positive or untested screen. */
  FENTANYL_EXTENDED_WAIT(true),
  /** A further day-1 dose without a current COWS showing that withdrawal persists. */
  WITHDRAWAL_NOT_PERSISTING(true),
  SINGLE_DOSE_RANGE(true),
  MINIMUM_INTERVAL(true),
  DAILY_MAXIMUM(true),
  /** A methadone increase sooner than the site's interval after the last change of the daily dose. */
  METHADONE_INCREASE_INTERVAL(true),
  /** A methadone increase larger than the site's step. */
  METHADONE_INCREASE_STEP(true);

  private final boolean overridable;

  DoseRule(boolean overridable) {
    this.overridable = overridable;
  }

  boolean overridable() {
    return overridable;
  }
}
