package org.rehabnet.aftercare.contingency;

/**
 * Escalating reinforcement (contingency management, clinical-reference.md "Discharge and aftercare"):
 * each negative screen or attended session earns a reward that grows with the unbroken run of
 * successes, up to a ceiling; a positive screen or a missed session resets the run, so the next success
 * earns the first reward again; what a plan can earn in total is capped.
 */
record ContingencySchedule(int firstRewardCents, int stepCents, int maxRewardCents) {

  /** What a behaviour does to the run and the ledger. */
  enum Behaviour {
    NEGATIVE_SCREEN(true),
    ATTENDED_SESSION(true),
    POSITIVE_SCREEN(false),
    MISSED_SESSION(false);

    private final boolean reinforced;

    Behaviour(boolean reinforced) {
      this.reinforced = reinforced;
    }

    boolean reinforced() {
      return reinforced;
    }
  }

  /** The result of one behaviour: the reward earned (possibly 0) and the run after it. */
  record Outcome(int rewardCents, int streakAfter, boolean reset, boolean capped) {}

  /** The reward for the next success after {@code streak} unbroken successes. */
  int rewardAfter(int streak) {
    long reward = firstRewardCents + (long) stepCents * streak;
    return (int) Math.min(reward, maxRewardCents);
  }

  Outcome apply(Behaviour behaviour, int streak, int earnedCents, int capCents) {
    if (!behaviour.reinforced()) {
      return new Outcome(0, 0, true, false);
    }
    int due = rewardAfter(streak);
    int room = Math.max(0, capCents - earnedCents);
    return new Outcome(Math.min(due, room), streak + 1, false, due > room);
  }
}
