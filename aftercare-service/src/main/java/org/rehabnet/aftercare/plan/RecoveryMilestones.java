package org.rehabnet.aftercare.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * Recovery milestones at 30, 90, 180 and 365 days from the start of aftercare (clinical-reference.md,
 * "Discharge and aftercare"); day 0 is the start date itself.
 */
public final class RecoveryMilestones {

  static final List<Integer> DAYS = List.of(30, 90, 180, 365);

  /** A milestone, its date and whether it has been reached by {@code today}. */
  public record Milestone(int days, LocalDate on, boolean reached) {}

  public static List<Milestone> of(LocalDate startsOn, LocalDate today) {
    return DAYS.stream()
        .map(days -> {
          LocalDate on = startsOn.plusDays(days);
          return new Milestone(days, on, !today.isBefore(on));
        })
        .toList();
  }

  private RecoveryMilestones() {}
}
