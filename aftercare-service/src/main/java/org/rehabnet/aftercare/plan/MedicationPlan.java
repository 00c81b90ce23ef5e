package org.rehabnet.aftercare.plan;

/** The medication plan carried from discharge (clinical-reference.md, "Discharge and aftercare"). */
public enum MedicationPlan {
  BUPRENORPHINE_MAINTENANCE,
  METHADONE_MAINTENANCE,
  XR_NALTREXONE,
  NONE
}
