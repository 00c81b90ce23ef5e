package org.rehabnet.aftercare.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A plan as its counsellors see it. */
record PlanView(UUID planId, UUID patientId, String site, @Nullable UUID episodeId, AftercarePlan.Origin origin,
    @Nullable String counsellor, LocalDate startsOn, MedicationPlan medicationPlan,
    @Nullable String receivingPrescriber, NaloxoneStatus naloxoneStatus, boolean overdoseEducation,
    List<String> goals, List<String> relapsePrevention, PlanStatus status, int relapseCount,
    @Nullable LocalDate lastRelapseOn, LocalDate recoverySince, List<RecoveryMilestones.Milestone> milestones,
    Instant createdAt, long version) {

  /** {@code today} is the calendar day at the plan's site. */
  static PlanView of(AftercarePlan plan, LocalDate today) {
    return new PlanView(plan.id(), plan.patientId(), plan.site(), plan.episodeId(), plan.origin(), plan.counsellor(),
        plan.startsOn(), plan.medicationPlan(), plan.receivingPrescriber(), plan.naloxoneStatus(),
        plan.overdoseEducation(), plan.goals(), plan.relapsePrevention(), plan.status(), plan.relapseCount(),
        plan.lastRelapseOn(), RecoveryMilestones.recoverySince(plan.startsOn(), plan.lastRelapseOn()),
        RecoveryMilestones.of(plan.startsOn(), plan.lastRelapseOn(), today), plan.createdAt(), plan.version());
  }
}
