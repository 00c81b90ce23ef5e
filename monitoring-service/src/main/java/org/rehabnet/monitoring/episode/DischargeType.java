package org.rehabnet.monitoring.episode;

/** How a detox stay ended (docs/clinical-rules.md, "Discharge"). */
public enum DischargeType {
  COMPLETED,
  AGAINST_MEDICAL_ADVICE,
  TRANSFER,
  /** To hospital. */
  MEDICAL,
  ADMINISTRATIVE
}
