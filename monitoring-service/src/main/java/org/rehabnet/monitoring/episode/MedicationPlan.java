package org.rehabnet.monitoring.episode;

/** What medication continues after discharge (shared/clinical-reference.md). */
public enum MedicationPlan {
  BUPRENORPHINE_MAINTENANCE,
  METHADONE_MAINTENANCE,
  XR_NALTREXONE,
  NONE
}
