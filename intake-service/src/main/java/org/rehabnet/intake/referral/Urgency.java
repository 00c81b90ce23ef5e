package org.rehabnet.intake.referral;

/** How soon a bed is needed; the waiting list is ordered by this rank, then by arrival. */
public enum Urgency {
  EMERGENCY(0),
  URGENT(1),
  ROUTINE(2);

  private final int rank;

  Urgency(int rank) {
    this.rank = rank;
  }

  public int rank() {
    return rank;
  }
}
