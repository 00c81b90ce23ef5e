package org.rehabnet.aftercare.contingency;

/**
 * Escalating reinforcement (contingency management, docs/clinical-rules.md "Contingency management"):
 * each negative screen or attended session earns a reward that grows with the unbroken run of
 * successes, up to a ceiling; a positive screen, a missed screen (counted as positive, the usual rule
 * of voucher programmes: not turning up must not pay better than a positive result) or a missed
 * session resets the run, so the next success earns the first reward again; what a plan can earn in
 * total is capped.
 */
record ContingencySchedule(int firstRewardCents, int stepCents, int maxRewardCents) {

  /** What a behaviour does to the run and the ledger, and whether it is a urine screen. */
  enum Behaviour {
    NEGATIVE_SCREEN(true, true),
    ATTENDED_SESSION(true, false),
    POSITIVE_SCREEN(false, true),
    MISSED_SCREEN(false, true),
    MISSED_SESSION(false, false);

    private final boolean reinforced;
    private final boolean screen;

    Behaviour(boolean reinforced, boolean screen) {
      this.reinforced = reinforced;
      this.screen = screen;
    }

    boolean reinforced() {
      return reinforced;
    }

    /** A urine drug screen: at most one entry per screen (its date, or its id when the lab gives one). */
    boolean screen() {
      return screen;
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
