package org.rehabnet.monitoring.reassessment;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * When the next COWS and vital signs are due (shared/clinical-reference.md: COWS every 4 h, every
 * 1 h during buprenorphine induction or when COWS is 25 or more; NEWS2's response level may ask for
 * vital signs more often still).
 */
final class ReassessmentCadence {

  private final ReassessmentProperties policy;

  ReassessmentCadence(ReassessmentProperties policy) {
    this.policy = policy;
  }

  Duration untilNextCows(String site, @Nullable Integer lastCowsTotal, boolean inInduction) {
    boolean intensive = inInduction || (lastCowsTotal != null && lastCowsTotal >= policy.intensiveCowsThreshold());
    return intensive ? shorter(policy.intensiveInterval(), policy.routineAt(site)) : policy.routineAt(site);
  }

  Duration untilNextVitals(String site, boolean inInduction, @Nullable Duration news2Interval) {
    Duration next = inInduction ? shorter(policy.intensiveInterval(), policy.routineAt(site)) : policy.routineAt(site);
    return news2Interval == null ? next : shorter(next, news2Interval);
  }

  Duration inductionWindow() {
    return policy.inductionWindow();
  }

  Duration routine(String site) {
    return policy.routineAt(site);
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
