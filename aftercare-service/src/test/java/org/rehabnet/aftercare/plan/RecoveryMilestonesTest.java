package org.rehabnet.aftercare.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecoveryMilestonesTest {

  static final LocalDate START = LocalDate.of(2026, 2, 1);

  @Test
  void milestonesFallOn30_90_180And365DaysFromTheStart() {
    assertThat(RecoveryMilestones.of(START, null, START)).extracting(RecoveryMilestones.Milestone::on)
        .containsExactly(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 7, 31),
            LocalDate.of(2027, 2, 1));
  }

  @Test
  void aMilestoneIsReachedOnItsDayNotTheDayBefore() {
    assertThat(RecoveryMilestones.of(START, null, START.plusDays(29)).getFirst().reached()).isFalse();
    assertThat(RecoveryMilestones.of(START, null, START.plusDays(30)).getFirst().reached()).isTrue();
    assertThat(RecoveryMilestones.of(START, null, START.plusDays(30)).get(1).reached()).isFalse();
  }

  @Test
  void afterARelapseTheMilestonesCountAgainFromTheFirstDayWithoutUse() {
    LocalDate relapse = START.plusDays(40);

    List<RecoveryMilestones.Milestone> milestones = RecoveryMilestones.of(START, relapse, relapse.plusDays(30));

    assertThat(RecoveryMilestones.recoverySince(START, relapse)).isEqualTo(relapse.plusDays(1));
    // Thirty days after the relapse day is day 29 of the new stretch: not yet.
    assertThat(milestones.getFirst().on()).isEqualTo(relapse.plusDays(31));
    assertThat(milestones.getFirst().reached()).isFalse();
    assertThat(RecoveryMilestones.of(START, relapse, relapse.plusDays(31)).getFirst().reached()).isTrue();
  }

  @Test
  void aRelapseTakesBackAMilestoneAlreadyReached() {
    LocalDate today = START.plusDays(35);

    assertThat(RecoveryMilestones.of(START, null, today).getFirst().reached()).isTrue();
    assertThat(RecoveryMilestones.of(START, START.plusDays(34), today).getFirst().reached()).isFalse();
  }

  @Test
  void aRelapseBeforeThePlanStartedDoesNotMoveTheStart() {
    assertThat(RecoveryMilestones.recoverySince(START, START.minusDays(3))).isEqualTo(START);
    assertThat(RecoveryMilestones.recoverySince(START, START)).isEqualTo(START.plusDays(1));
  }

  @Test
  void aRelapseIsCountedAndNeverClosesThePlan() {
    AftercarePlan plan = AftercarePlan.forOutpatient(UUID.randomUUID(), "north", null, START, MedicationPlan.NONE,
        NaloxoneStatus.PROVIDED, true, List.of(), List.of(), Instant.now(), "c");
    plan.relapseReported(START.plusDays(40));
    plan.relapseReported(START.plusDays(10));

    assertThat(plan.status()).isEqualTo(PlanStatus.OPEN);
    assertThat(plan.relapseCount()).isEqualTo(2);
    assertThat(plan.lastRelapseOn()).isEqualTo(START.plusDays(40));
    assertThat(PlanRef.of(plan).milestones(START.plusDays(71)).getFirst().reached()).isTrue();
    assertThat(PlanRef.of(plan).milestones(START.plusDays(70)).getFirst().reached()).isFalse();
  }

  @Test
  void naloxoneUsedIsOwedUntilResupplied() {
    AftercarePlan plan = AftercarePlan.forOutpatient(UUID.randomUUID(), "north", null, START, MedicationPlan.NONE,
        NaloxoneStatus.PROVIDED, true, List.of(), List.of(), Instant.now(), "c");

    plan.naloxoneUsed();
    assertThat(plan.naloxoneStatus()).isEqualTo(NaloxoneStatus.USED_RESUPPLY_DUE);
    plan.naloxoneResupplied();
    assertThat(plan.naloxoneStatus()).isEqualTo(NaloxoneStatus.PROVIDED);
  }
}
