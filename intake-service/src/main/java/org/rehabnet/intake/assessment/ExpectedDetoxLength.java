package org.rehabnet.intake.assessment;

/**
 * Expected inpatient detox length from the dependence level: mild (and none) → mild days, moderate →
 * moderate days, severe → severe days, extended when severe with daily opioid use over the long-term
 * threshold or a fentanyl-positive screen. A physician may override it with a reason.
 * Source: shared/clinical-reference.md, "Level of dependence" (*default* lengths, per-site).
 */
final class ExpectedDetoxLength {

  private final AssessmentProperties policy;

  ExpectedDetoxLength(AssessmentProperties policy) {
    this.policy = policy;
  }

  int days(OudSeverity severity, double longestDailyOpioidUseYears, boolean fentanylPositive) {
    return switch (severity) {
      case NONE, MILD -> policy.mildDays();
      case MODERATE -> policy.moderateDays();
      case SEVERE -> fentanylPositive || longestDailyOpioidUseYears > policy.longTermDailyUseYears()
          ? policy.extendedDays()
          : policy.severeDays();
    };
  }
}
