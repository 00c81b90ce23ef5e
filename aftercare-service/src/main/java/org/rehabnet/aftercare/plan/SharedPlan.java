package org.rehabnet.aftercare.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The part of a plan that may leave the program under a consent (the partner API): dates, status,
 * goals and the medication plan. Never the counsellor, relapse-prevention items, relapses or notes.
 */
public record SharedPlan(UUID planId, UUID patientId, String site, @Nullable UUID episodeId, boolean fromDischarge,
    LocalDate startsOn, PlanStatus status, MedicationPlan medicationPlan, List<String> goals) {

  public SharedPlan {
    goals = List.copyOf(goals);
  }

  static SharedPlan of(AftercarePlan plan) {
    return new SharedPlan(plan.id(), plan.patientId(), plan.site(), plan.episodeId(),
        plan.origin() == AftercarePlan.Origin.DISCHARGE, plan.startsOn(), plan.status(), plan.medicationPlan(),
        plan.goals());
  }

  @Override
  public String toString() {
    return "SharedPlan[" + planId + "]";
  }
}
