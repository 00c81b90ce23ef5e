package org.rehabnet.aftercare.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What other features need to know of a plan: whose it is, where, whose caseload, since when, and the
 * last lapse or relapse (milestones count from it).
 */
public record PlanRef(UUID planId, UUID patientId, String site, @Nullable String counsellor, LocalDate startsOn,
    PlanStatus status, @Nullable LocalDate lastRelapseOn, NaloxoneStatus naloxoneStatus) {

  static PlanRef of(AftercarePlan plan) {
    return new PlanRef(plan.id(), plan.patientId(), plan.site(), plan.counsellor(), plan.startsOn(), plan.status(),
        plan.lastRelapseOn(), plan.naloxoneStatus());
  }

  /** The milestones of the current stretch of recovery on the site's {@code today}. */
  public List<RecoveryMilestones.Milestone> milestones(LocalDate today) {
    return RecoveryMilestones.of(startsOn, lastRelapseOn, today);
  }
}
