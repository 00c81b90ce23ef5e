package org.rehabnet.monitoring.reassessment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-site reassessment policy; defaults from shared/clinical-reference.md (COWS every 4 h, every
 * 1 h during buprenorphine induction or when COWS is 25 or more).
 *
 * @param routineInterval COWS and vital signs when nothing calls for more
 * @param intensiveInterval during induction or with a high COWS
 * @param intensiveCowsThreshold COWS from which reassessment tightens (moderately severe)
 * @param inductionWindow how long after the first buprenorphine dose induction lasts
 * @param overdueCheckInterval how often the overdue check runs
 * @param siteRoutineIntervals a site's own routine interval, where it differs
 */
@Validated
@ConfigurationProperties("rehabnet.monitoring.reassessment")
record ReassessmentProperties(
    @DefaultValue("PT4H") @NotNull Duration routineInterval,
    @DefaultValue("PT1H") @NotNull Duration intensiveInterval,
    @DefaultValue("25") @Min(1) @Max(48) int intensiveCowsThreshold,
    @DefaultValue("PT24H") @NotNull Duration inductionWindow,
    @DefaultValue("PT1M") @NotNull Duration overdueCheckInterval,
    @DefaultValue Map<String, Duration> siteRoutineIntervals) {

  Duration routineAt(String site) {
    return siteRoutineIntervals.getOrDefault(site, routineInterval);
  }
}
