package org.rehabnet.monitoring.vitals;

/**
 * Which NEWS2 SpO2 scale scores a patient (RCP 2017). Scale 2 is for documented hypercapnic
 * respiratory failure with a prescribed target of 88-92 %, and only a physician sets it.
 */
public enum Spo2Scale {
  SCALE_1,
  SCALE_2
}
