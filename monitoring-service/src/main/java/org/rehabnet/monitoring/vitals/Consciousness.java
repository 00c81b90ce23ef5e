package org.rehabnet.monitoring.vitals;

/** ACVPU: alert, or new confusion, responds to voice, to pain, unresponsive. */
public enum Consciousness {
  ALERT,
  NEW_CONFUSION,
  VOICE,
  PAIN,
  UNRESPONSIVE;

  public boolean reduced() {
    return this != ALERT;
  }
}
