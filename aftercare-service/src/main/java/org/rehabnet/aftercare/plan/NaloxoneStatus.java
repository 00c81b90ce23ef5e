package org.rehabnet.aftercare.plan;

/**
 * Whether the person holds naloxone: after detox their tolerance is gone, so an overdose is likelier.
 * {@code USED_RESUPPLY_DUE}: a kit was used (an overdose was reversed) and a new one is owed; a
 * naloxone resupply task is open until it is handed over.
 */
public enum NaloxoneStatus {
  PROVIDED,
  ALREADY_HAS,
  NOT_PROVIDED,
  DECLINED,
  USED_RESUPPLY_DUE
}
