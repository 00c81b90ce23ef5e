package org.rehabnet.aftercare.contingency;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Contingency-management reward schedule, clinic policy (clinical-reference.md: escalating rewards,
 * reset on a positive screen). Amounts in cents. Defaults follow the classic voucher schedule
 * (Higgins et al.: $2.50 first, +$1.25 for each consecutive success); the per-plan cap must stay within
 * what the clinic's funder allows per patient per year.
 */
@Validated
@ConfigurationProperties("rehabnet.aftercare.contingency")
record ContingencyProperties(
    @DefaultValue("250") @Min(1) @Max(10_000) int firstRewardCents,
    @DefaultValue("125") @Min(0) @Max(10_000) int stepCents,
    @DefaultValue("2000") @Min(1) @Max(100_000) int maxRewardCents,
    @DefaultValue("75000") @Min(0) @Max(1_000_000) int capCents) {

  ContingencySchedule schedule() {
    return new ContingencySchedule(firstRewardCents, stepCents, maxRewardCents);
  }
}
