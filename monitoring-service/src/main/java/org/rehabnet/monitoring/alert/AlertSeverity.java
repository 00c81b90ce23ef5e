package org.rehabnet.monitoring.alert;

/** How fast someone has to come. */
public enum AlertSeverity {
  LOW,
  MEDIUM,
  HIGH,
  EMERGENCY
}
