package org.rehabnet.aftercare.relapse;

import java.time.LocalDate;
import java.util.UUID;
import org.rehabnet.aftercare.plan.PlanRef;
import org.rehabnet.platform.events.clinical.Substance;
import org.springframework.stereotype.Component;

/**
 * How the check-in and contingency features start re-engagement when they learn of use: the same
 * relapse report, outreach, alert rules and {@code RelapseReported} as a counsellor's report, once per
 * triggering record (a retried or redelivered record finds the report already filed).
 */
@Component
public class Reengagement {

  private final RelapseService relapses;

  Reengagement(RelapseService relapses) {
    this.relapses = relapses;
  }

  /** Use reported at a check-in; returns the relapse report's id. Joins the caller's transaction. */
  public UUID useReportedAtCheckIn(PlanRef plan, UUID checkInId, Substance substance, LocalDate on, String by) {
    return relapses.useReported(plan, RelapseSource.CHECK_IN, checkInId, substance, on, by);
  }

  /** A positive screen in contingency management; returns the relapse report's id. */
  public UUID positiveScreen(PlanRef plan, UUID entryId, Substance substance, LocalDate on, String by) {
    return relapses.useReported(plan, RelapseSource.CONTINGENCY_SCREEN, entryId, substance, on, by);
  }
}
