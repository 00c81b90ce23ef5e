package org.rehabnet.aftercare.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RecoveryMilestonesTest {

  static final LocalDate START = LocalDate.of(2026, 2, 1);

  @Test
  void milestonesFallOn30_90_180And365DaysFromTheStart() {
    assertThat(RecoveryMilestones.of(START, START)).extracting(RecoveryMilestones.Milestone::on).containsExactly(
        LocalDate.of(2026, 3, 3), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 7, 31), LocalDate.of(2027, 2, 1));
  }

  @Test
  void aMilestoneIsReachedOnItsDayNotTheDayBefore() {
    assertThat(RecoveryMilestones.of(START, START.plusDays(29)).getFirst().reached()).isFalse();
    assertThat(RecoveryMilestones.of(START, START.plusDays(30)).getFirst().reached()).isTrue();
    assertThat(RecoveryMilestones.of(START, START.plusDays(30)).get(1).reached()).isFalse();
  }

  @Test
  void aRelapseIsCountedAndNeverClosesThePlan() {
    AftercarePlan plan = AftercarePlan.forOutpatient(java.util.UUID.randomUUID(), "north", null, START,
        MedicationPlan.NONE, NaloxoneStatus.PROVIDED, true, java.util.List.of(), java.util.List.of(),
        java.time.Instant.now(), "c");
    plan.relapseReported(START.plusDays(40));
    plan.relapseReported(START.plusDays(10));

    assertThat(plan.status()).isEqualTo(PlanStatus.OPEN);
    assertThat(plan.relapseCount()).isEqualTo(2);
    assertThat(plan.lastRelapseOn()).isEqualTo(START.plusDays(40));
  }
}
