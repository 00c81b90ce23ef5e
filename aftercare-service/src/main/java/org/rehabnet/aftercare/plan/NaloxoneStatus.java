package org.rehabnet.aftercare.plan;

/** Whether the person holds naloxone: after detox their tolerance is gone, so an overdose is likelier. */
public enum NaloxoneStatus {
  PROVIDED,
  ALREADY_HAS,
  NOT_PROVIDED,
  DECLINED
}
