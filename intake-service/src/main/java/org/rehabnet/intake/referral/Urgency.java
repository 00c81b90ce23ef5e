package org.rehabnet.intake.referral;

/** How soon a bed is needed; the waiting list is ordered by this rank, then by arrival. */
enum Urgency {
  EMERGENCY(0),
  URGENT(1),
  ROUTINE(2);

  private final int rank;

  Urgency(int rank) {
    this.rank = rank;
  }

  int rank() {
    return rank;
  }
}
