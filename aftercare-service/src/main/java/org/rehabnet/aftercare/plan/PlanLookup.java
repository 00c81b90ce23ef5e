package org.rehabnet.aftercare.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other features reach a plan, with the site rule applied in one place: another site's plan is
 * answered exactly like an unknown one (404), writing at a site one does not work at is refused (403).
 */
@Component
public class PlanLookup {

  private final AftercarePlans plans;

  PlanLookup(AftercarePlans plans) {
    this.plans = plans;
  }

  public Optional<PlanRef> find(UUID planId) {
    return plans.findById(planId).map(PlanRef::of);
  }

  /** The plan if the caller may read its site, else 404. */
  public PlanRef readable(UUID planId, Caller caller) {
    return SiteScope.readable(find(planId), PlanRef::site, caller, "Aftercare plan", planId);
  }

  /** The plan if the caller works at its site, 404 if they may not even see it, else 403. */
  public PlanRef writable(UUID planId, Caller caller) {
    return SiteScope.writable(find(planId), PlanRef::site, caller, "Aftercare plan", planId);
  }

  /** The patient's plans as they may be disclosed under a consent, newest first. */
  public List<SharedPlan> sharedPlansOf(UUID patientId) {
    return plans.findByPatientId(patientId).stream()
        .sorted(java.util.Comparator.comparing(AftercarePlan::startsOn).reversed())
        .map(SharedPlan::of)
        .toList();
  }

  public List<PlanRef> openPlans() {
    return plans.findByStatus(PlanStatus.OPEN).stream().map(PlanRef::of).toList();
  }

  /** Open plans of a site, optionally only one counsellor's. */
  public List<PlanRef> openPlansAt(String site, @Nullable String counsellor) {
    return plans.findBySiteAndStatus(site, PlanStatus.OPEN).stream()
        .filter(plan -> counsellor == null || counsellor.equals(plan.counsellor()))
        .map(PlanRef::of)
        .toList();
  }

  /** Naloxone was used: the plan shows a kit is owed. Joins the caller's transaction. */
  @Transactional
  public void naloxoneUsed(UUID planId) {
    AftercarePlan plan = plans.findById(planId).orElseThrow(() -> new NotFound("Aftercare plan", planId));
    plan.naloxoneUsed();
    plans.save(plan);
  }

  /** A new kit was handed over. Joins the caller's transaction. */
  @Transactional
  public void naloxoneResupplied(UUID planId) {
    AftercarePlan plan = plans.findById(planId).orElseThrow(() -> new NotFound("Aftercare plan", planId));
    plan.naloxoneResupplied();
    plans.save(plan);
  }

  /** Counts a lapse or relapse on the plan, which stays open. Joins the caller's transaction. */
  @Transactional
  public void relapseReported(UUID planId, LocalDate on) {
    AftercarePlan plan = plans.findById(planId).orElseThrow(() -> new NotFound("Aftercare plan", planId));
    plan.relapseReported(on);
    plans.save(plan);
  }
}
