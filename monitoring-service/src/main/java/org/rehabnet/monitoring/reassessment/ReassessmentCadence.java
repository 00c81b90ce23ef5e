package org.rehabnet.monitoring.reassessment;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.intake.SiteSettings;

/**
 * When the next COWS and vital signs are due (docs/clinical-rules.md, "Reassessment"): the site's
 * routine interval (4 h), its intensive interval (1 h) during induction, after an opioid dose or when
 * COWS reaches its threshold (25); NEWS2's response level may ask for vital signs more often still.
 */
final class ReassessmentCadence {

  private final ReassessmentProperties policy;

  ReassessmentCadence(ReassessmentProperties policy) {
    this.policy = policy;
  }

  Duration untilNextCows(SiteSettings.Reassessment site, @Nullable Integer lastCowsTotal, boolean intensive) {
    boolean tight = intensive || (lastCowsTotal != null && lastCowsTotal >= site.intensiveCowsThreshold());
    return tight ? shorter(site.intensiveInterval(), site.routineInterval()) : site.routineInterval();
  }

  Duration untilNextVitals(SiteSettings.Reassessment site, boolean intensive, @Nullable Duration news2Interval) {
    Duration next = intensive ? shorter(site.intensiveInterval(), site.routineInterval()) : site.routineInterval();
    return news2Interval == null ? next : shorter(next, news2Interval);
  }

  Duration inductionWindow() {
    return policy.inductionWindow();
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
