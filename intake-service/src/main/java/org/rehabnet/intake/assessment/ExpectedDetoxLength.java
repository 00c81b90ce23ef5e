package org.rehabnet.intake.assessment;

import org.rehabnet.platform.events.clinical.DependenceSeverity;
import org.rehabnet.platform.events.intake.SiteSettings;

/**
 * Expected inpatient detox length from the dependence level, with the admitting site's lengths
 * ({@code SiteSettings.detoxLength}): mild (and none) → mild days, moderate → moderate days, severe →
 * severe days, extended when severe with daily opioid use for more than the long-term threshold or a
 * fentanyl-positive screen. A physician may override it with a reason.
 * Source: DSM-5 severity with the clinic defaults of docs/clinical-rules.md, "Intake" (5, 7, 7, up to 10 days).
 */
final class ExpectedDetoxLength {

  static int days(SiteSettings.DetoxLength site, DependenceSeverity severity, double longestDailyOpioidUseYears,
      boolean fentanylNotRuledOut) {
    return switch (severity) {
      case NONE, MILD -> site.mildDays();
      case MODERATE -> site.moderateDays();
      case SEVERE -> fentanylNotRuledOut || longestDailyOpioidUseYears > site.longTermDailyUseYears()
          ? site.extendedDays()
          : site.severeDays();
    };
  }

  private ExpectedDetoxLength() {}
}
