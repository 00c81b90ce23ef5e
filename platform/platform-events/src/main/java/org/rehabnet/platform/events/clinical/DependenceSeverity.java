package org.rehabnet.platform.events.clinical;

/** DSM-5 opioid use disorder severity: 0-1 criteria none, 2-3 mild, 4-5 moderate, 6 or more severe. */
public enum DependenceSeverity {
  NONE,
  MILD,
  MODERATE,
  SEVERE
}
