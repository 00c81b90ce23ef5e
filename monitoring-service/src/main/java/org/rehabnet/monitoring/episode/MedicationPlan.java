package org.rehabnet.monitoring.episode;

/** What medication continues after discharge (docs/clinical-rules.md, "Discharge"). */
public enum MedicationPlan {
  BUPRENORPHINE_MAINTENANCE,
  METHADONE_MAINTENANCE,
  XR_NALTREXONE,
  NONE
}
