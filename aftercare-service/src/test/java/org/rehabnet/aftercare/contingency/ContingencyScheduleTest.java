package org.rehabnet.aftercare.contingency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.contingency.ContingencySchedule.Behaviour;

class ContingencyScheduleTest {

  final ContingencySchedule schedule = new ContingencySchedule(250, 125, 1000);
  final LocalDate today = LocalDate.of(2026, 3, 1);

  @Test
  void eachConsecutiveSuccessEarnsMoreUpToTheCeiling() {
    assertThat(schedule.rewardAfter(0)).isEqualTo(250);
    assertThat(schedule.rewardAfter(1)).isEqualTo(375);
    assertThat(schedule.rewardAfter(5)).isEqualTo(875);
    assertThat(schedule.rewardAfter(6)).isEqualTo(1000);
    assertThat(schedule.rewardAfter(7)).isEqualTo(1000);
  }

  @Test
  void attendedSessionsAndNegativeScreensEscalateTogether() {
    ContingencyLedger ledger = ledger(100_000);
    assertThat(record(ledger, Behaviour.NEGATIVE_SCREEN).rewardCents()).isEqualTo(250);
    assertThat(record(ledger, Behaviour.ATTENDED_SESSION).rewardCents()).isEqualTo(375);
    assertThat(record(ledger, Behaviour.NEGATIVE_SCREEN).rewardCents()).isEqualTo(500);
    assertThat(ledger.streak()).isEqualTo(3);
    assertThat(ledger.earnedCents()).isEqualTo(1125);
  }

  @Test
  void aPositiveScreenOrAMissedSessionResetsTheRunButKeepsWhatWasEarned() {
    ContingencyLedger ledger = ledger(100_000);
    record(ledger, Behaviour.NEGATIVE_SCREEN);
    record(ledger, Behaviour.NEGATIVE_SCREEN);

    ContingencySchedule.Outcome positive = record(ledger, Behaviour.POSITIVE_SCREEN);
    assertThat(positive.reset()).isTrue();
    assertThat(positive.rewardCents()).isZero();
    assertThat(ledger.streak()).isZero();
    assertThat(ledger.earnedCents()).isEqualTo(625);
    assertThat(record(ledger, Behaviour.NEGATIVE_SCREEN).rewardCents()).isEqualTo(250);

    record(ledger, Behaviour.MISSED_SESSION);
    assertThat(record(ledger, Behaviour.ATTENDED_SESSION).rewardCents()).isEqualTo(250);
  }

  @Test
  void earningsStopAtThePerPlanCap() {
    ContingencyLedger ledger = ledger(700);
    record(ledger, Behaviour.NEGATIVE_SCREEN);
    ContingencySchedule.Outcome second = record(ledger, Behaviour.NEGATIVE_SCREEN);
    ContingencySchedule.Outcome third = record(ledger, Behaviour.NEGATIVE_SCREEN);

    assertThat(second.rewardCents()).isEqualTo(375);
    assertThat(third.rewardCents()).isEqualTo(75);
    assertThat(third.capped()).isTrue();
    assertThat(record(ledger, Behaviour.NEGATIVE_SCREEN).rewardCents()).isZero();
    assertThat(ledger.earnedCents()).isEqualTo(700);
  }

  @Test
  void redeemingMoreThanTheBalanceIsRefusedAndChangesNothing() {
    ContingencyLedger ledger = ledger(100_000);
    record(ledger, Behaviour.NEGATIVE_SCREEN);
    ledger.redeem(250, today, "c", Instant.now());
    assertThat(ledger.balanceCents()).isZero();

    assertThatThrownBy(() -> ledger.redeem(1, today, "c", Instant.now()))
        .isInstanceOf(ContingencyLedger.RedemptionExceedsBalance.class);
    assertThat(ledger.redeemedCents()).isEqualTo(250);
    assertThat(ledger.entries()).hasSize(2);
  }

  private ContingencyLedger ledger(int capCents) {
    return ContingencyLedger.open(UUID.randomUUID(), UUID.randomUUID(), "north", capCents);
  }

  private ContingencySchedule.Outcome record(ContingencyLedger ledger, Behaviour behaviour) {
    return ledger.record(schedule, behaviour, today, "c", Instant.now());
  }
}
