package org.rehabnet.platform.events.clinical;

/**
 * Risk flags a urine drug screen raises (docs/clinical-rules.md, "Urine drug screen").
 */
public enum UdsFlag {
  /** Fentanyl detected: precipitated-withdrawal risk at induction, overdose education. */
  FENTANYL_POSITIVE,
  /**
   * Fentanyl not tested or the strip invalid: the plan cannot assume fentanyl is absent, so the
   * chart treats it as it treats a positive screen where timing is concerned.
   */
  FENTANYL_NOT_TESTED,
  /**
   * Benzodiazepines with opioids: respiratory-depression risk. Raised by a positive screen or by
   * self-reported use, since immunoassays miss clonazepam and other newer benzodiazepines.
   */
  BENZODIAZEPINES_WITH_OPIOIDS
}
