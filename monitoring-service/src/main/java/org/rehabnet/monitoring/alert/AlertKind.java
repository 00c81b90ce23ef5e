package org.rehabnet.monitoring.alert;

/** What the chart warns about (shared/clinical-reference.md, "Alerts the chart must raise"). */
public enum AlertKind {
  RESPIRATORY_DEPRESSION,
  ASPIRATION_RISK,
  SEVERE_WITHDRAWAL,
  NEWS2_DETERIORATION,
  SELF_HARM_RISK,
  OVERDUE_ASSESSMENT,
  DOSE_OVERRIDE;

  /** Each override and each overdue assessment is its own fact; the others repeat while one is open. */
  boolean repeatsWhileOpen() {
    return this == DOSE_OVERRIDE || this == OVERDUE_ASSESSMENT;
  }
}
