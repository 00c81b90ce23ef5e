package org.rehabnet.platform.events.clinical;

/**
 * Mental-health history and safety flags carried from intake to the chart. About three in four
 * patients with opioid use disorder have a co-occurring condition.
 */
public enum RiskFlag {
  DEPRESSION,
  ANXIETY,
  ADHD,
  BIPOLAR,
  PTSD,
  OTHER,
  /** PHQ-9 item 9 above 0: thoughts of self-harm, whatever the total (docs/clinical-rules.md). */
  SELF_HARM_RISK
}
