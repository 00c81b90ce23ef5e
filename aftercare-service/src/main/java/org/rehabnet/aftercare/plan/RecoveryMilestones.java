package org.rehabnet.aftercare.plan;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Recovery milestones at 30, 90, 180 and 365 days (docs/clinical-rules.md, "Recovery milestones"),
 * counted from the start of recovery: the day aftercare starts, or, after a lapse or relapse, the day
 * after it (the first day without use again). Day 0 is that day itself; a milestone is reached on its
 * date in the site's calendar.
 */
public final class RecoveryMilestones {

  static final List<Integer> DAYS = List.of(30, 90, 180, 365);

  /** A milestone, its date and whether it has been reached by {@code today}. */
  public record Milestone(int days, LocalDate on, boolean reached) {}

  /** The first day of the current stretch of recovery. */
  public static LocalDate recoverySince(LocalDate startsOn, @Nullable LocalDate lastRelapseOn) {
    if (lastRelapseOn == null || lastRelapseOn.isBefore(startsOn)) {
      return startsOn;
    }
    return lastRelapseOn.plusDays(1);
  }

  public static List<Milestone> of(LocalDate startsOn, @Nullable LocalDate lastRelapseOn, LocalDate today) {
    LocalDate since = recoverySince(startsOn, lastRelapseOn);
    return DAYS.stream()
        .map(days -> {
          LocalDate on = since.plusDays(days);
          return new Milestone(days, on, !today.isBefore(on));
        })
        .toList();
  }

  private RecoveryMilestones() {}
}
