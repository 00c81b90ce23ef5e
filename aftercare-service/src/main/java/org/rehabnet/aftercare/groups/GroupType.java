package org.rehabnet.aftercare.groups;

/** Kinds of support group (clinical-reference.md, "Discharge and aftercare"). */
enum GroupType {
  NA_12_STEP,
  SMART_RECOVERY,
  CBT,
  FAMILY,
  OTHER
}
