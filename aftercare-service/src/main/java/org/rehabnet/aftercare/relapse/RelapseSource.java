package org.rehabnet.aftercare.relapse;

/**
 * What reported a lapse or relapse. Use reported at a check-in and a positive screen in contingency
 * management start the same re-engagement as a counsellor's report (docs/clinical-rules.md,
 * "Relapse response"), once per triggering record.
 */
public enum RelapseSource {
  STAFF_REPORT,
  CHECK_IN,
  CONTINGENCY_SCREEN
}
