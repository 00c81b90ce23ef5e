package org.rehabnet.aftercare.plan;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What other features need to know of a plan: whose it is, where, whose caseload, since when. */
public record PlanRef(UUID planId, UUID patientId, String site, @Nullable String counsellor, LocalDate startsOn,
    PlanStatus status) {

  static PlanRef of(AftercarePlan plan) {
    return new PlanRef(plan.id(), plan.patientId(), plan.site(), plan.counsellor(), plan.startsOn(), plan.status());
  }
}
