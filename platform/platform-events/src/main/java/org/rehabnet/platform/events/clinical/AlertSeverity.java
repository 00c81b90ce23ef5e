package org.rehabnet.platform.events.clinical;

/** How urgent an alert is, in rising order: compare with {@link #compareTo}. */
public enum AlertSeverity {
  LOW,
  MEDIUM,
  HIGH,
  EMERGENCY
}
