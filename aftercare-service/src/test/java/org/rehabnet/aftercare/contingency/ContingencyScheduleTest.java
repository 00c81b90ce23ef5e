package org.rehabnet.aftercare.contingency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rehabnet.aftercare.contingency.ContingencySchedule.Behaviour;
import org.rehabnet.platform.web.problem.ProblemType;

class ContingencyScheduleTest {

  final ContingencySchedule schedule = new ContingencySchedule(250, 125, 1000);
  final LocalDate today = LocalDate.of(2026, 3, 1);
  /** Each screen or session of a test on its own day, in order, as the ledger requires. */
  LocalDate day = today.minusDays(60);

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
  void aMissedScreenCountsAsPositiveAndResetsTheReward() {
    ContingencyLedger ledger = ledger(100_000);
    record(ledger, Behaviour.NEGATIVE_SCREEN);
    record(ledger, Behaviour.NEGATIVE_SCREEN);
    assertThat(schedule.rewardAfter(ledger.streak())).isEqualTo(500);

    ContingencySchedule.Outcome missed = record(ledger, Behaviour.MISSED_SCREEN);

    assertThat(missed.reset()).isTrue();
    assertThat(missed.rewardCents()).isZero();
    assertThat(ledger.streak()).isZero();
    assertThat(record(ledger, Behaviour.NEGATIVE_SCREEN).rewardCents()).isEqualTo(250);
    assertThat(ledger.entries()).extracting(LedgerEntry::kind).containsExactly(LedgerEntry.Kind.EARNED,
        LedgerEntry.Kind.EARNED, LedgerEntry.Kind.RESET, LedgerEntry.Kind.EARNED);
  }

  @Test
  void aSecondEntryForTheSameDaysScreenIsRefusedAndChangesNothing() {
    ContingencyLedger ledger = ledger(100_000);
    ledger.record(schedule, Behaviour.NEGATIVE_SCREEN, today, null, "c", Instant.now());

    // Whatever the second entry says (a positive on the same specimen, a repeat of the negative).
    for (Behaviour again : new Behaviour[] {Behaviour.NEGATIVE_SCREEN, Behaviour.POSITIVE_SCREEN,
        Behaviour.MISSED_SCREEN}) {
      assertThatThrownBy(() -> ledger.record(schedule, again, today, null, "c", Instant.now()))
          .isInstanceOfSatisfying(ContingencyLedger.ScreenAlreadyRecorded.class, problem -> {
            assertThat(problem.type()).isEqualTo(ProblemType.CONFLICT);
            assertThat(problem.properties()).containsEntry("rule", "one-entry-per-screen");
          });
    }
    assertThat(ledger.entries()).hasSize(1);
    assertThat(ledger.earnedCents()).isEqualTo(250);
    assertThat(ledger.streak()).isEqualTo(1);
  }

  @Test
  void theSameSpecimenRecordedOnAnotherDayIsTheSameScreen() {
    ContingencyLedger ledger = ledger(100_000);
    ledger.record(schedule, Behaviour.NEGATIVE_SCREEN, today.minusDays(1), "UDS-4471", "c", Instant.now());

    assertThatThrownBy(() -> ledger.record(schedule, Behaviour.NEGATIVE_SCREEN, today, "UDS-4471", "c",
        Instant.now())).isInstanceOf(ContingencyLedger.ScreenAlreadyRecorded.class);
    assertThat(ledger.record(schedule, Behaviour.NEGATIVE_SCREEN, today, "UDS-4472", "c", Instant.now())
        .outcome().rewardCents()).isEqualTo(375);
  }

  @Test
  void aSessionOnTheDayOfAScreenIsNotADuplicate() {
    ContingencyLedger ledger = ledger(100_000);
    ledger.record(schedule, Behaviour.NEGATIVE_SCREEN, today, null, "c", Instant.now());

    assertThat(ledger.record(schedule, Behaviour.ATTENDED_SESSION, today, null, "c", Instant.now()).outcome()
        .rewardCents()).isEqualTo(375);
  }

  @Test
  void anEntryDatedTheDayBeforeTheNewestIsRefusedTheSameDayIsTaken() {
    ContingencyLedger ledger = ledger(100_000);
    ledger.record(schedule, Behaviour.ATTENDED_SESSION, today, null, "c", Instant.now());

    assertThatThrownBy(() -> ledger.record(schedule, Behaviour.NEGATIVE_SCREEN, today.minusDays(1), null, "c",
        Instant.now())).isInstanceOfSatisfying(ContingencyLedger.EntryBeforeNewest.class, problem -> {
          assertThat(problem.type()).isEqualTo(ProblemType.BUSINESS_RULE);
          assertThat(problem.properties()).containsEntry("rule", "contingency-entries-in-date-order")
              .containsEntry("newestOn", today.toString());
        });
    assertThat(ledger.entries()).hasSize(1);
    assertThat(ledger.record(schedule, Behaviour.NEGATIVE_SCREEN, today, null, "c", Instant.now()).outcome()
        .rewardCents()).isEqualTo(375);
  }

  @Test
  void aRedemptionDoesNotMakeAnEarlierScreenBackDated() {
    ContingencyLedger ledger = ledger(100_000);
    ledger.record(schedule, Behaviour.NEGATIVE_SCREEN, today.minusDays(3), null, "c", Instant.now());
    ledger.redeem(250, today, "c", Instant.now());

    // Yesterday's screen, recorded after today's redemption, is still after the newest screen.
    assertThat(ledger.record(schedule, Behaviour.NEGATIVE_SCREEN, today.minusDays(1), null, "c", Instant.now())
        .outcome().rewardCents()).isEqualTo(375);
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
    day = day.plusDays(1);
    return ledger.record(schedule, behaviour, day, null, "c", Instant.now()).outcome();
  }
}
