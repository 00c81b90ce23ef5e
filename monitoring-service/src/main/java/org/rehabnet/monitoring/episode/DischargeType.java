package org.rehabnet.monitoring.episode;

/** How a detox stay ended (shared/clinical-reference.md). */
public enum DischargeType {
  COMPLETED,
  AGAINST_MEDICAL_ADVICE,
  TRANSFER,
  /** To hospital. */
  MEDICAL,
  ADMINISTRATIVE
}
