package org.rehabnet.platform.events.clinical;

/** What a clinical alert on the detox chart is about (docs/clinical-rules.md, "Alerts"). */
public enum AlertKind {
  RESPIRATORY_DEPRESSION,
  ASPIRATION_RISK,
  SEVERE_WITHDRAWAL,
  NEWS2_DETERIORATION,
  SELF_HARM_RISK,
  OVERDUE_ASSESSMENT,
  DOSE_OVERRIDE
}
