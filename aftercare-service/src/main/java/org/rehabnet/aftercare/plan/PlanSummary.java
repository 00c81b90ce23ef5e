package org.rehabnet.aftercare.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The minimum a nurse or physician needs (HIPAA minimum necessary): medication, naloxone, counsellor,
 * milestones; no goals, relapse-prevention items or counselling notes.
 */
record PlanSummary(UUID planId, UUID patientId, String site, @Nullable String counsellor, LocalDate startsOn,
    MedicationPlan medicationPlan, @Nullable String receivingPrescriber, NaloxoneStatus naloxoneStatus,
    PlanStatus status, LocalDate recoverySince, List<RecoveryMilestones.Milestone> milestones) {

  /** {@code today} is the calendar day at the plan's site. */
  static PlanSummary of(AftercarePlan plan, LocalDate today) {
    return new PlanSummary(plan.id(), plan.patientId(), plan.site(), plan.counsellor(), plan.startsOn(),
        plan.medicationPlan(), plan.receivingPrescriber(), plan.naloxoneStatus(), plan.status(),
        RecoveryMilestones.recoverySince(plan.startsOn(), plan.lastRelapseOn()),
        RecoveryMilestones.of(plan.startsOn(), plan.lastRelapseOn(), today));
  }
}
