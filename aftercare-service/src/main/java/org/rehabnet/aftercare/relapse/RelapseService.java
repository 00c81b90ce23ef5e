package org.rehabnet.aftercare.relapse;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.alert.Alerts;
import org.rehabnet.aftercare.care.PatientInCare;
import org.rehabnet.aftercare.care.PatientsInCare;
import org.rehabnet.aftercare.plan.PlanLookup;
import org.rehabnet.aftercare.plan.PlanRef;
import org.rehabnet.aftercare.site.SitePolicies;
import org.rehabnet.aftercare.site.SitePolicy;
import org.rehabnet.platform.events.clinical.Substance;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes lapse and relapse reports, from counsellors and from the features that learn of use (a
 * check-in, a positive screen): the plan stays open, outreach is due by urgency at the site's windows,
 * an emergency alerts the counsellor and the clinical lead, a used naloxone kit is resupplied, and
 * readmission is requested if wanted.
 */
@Service
class RelapseService {

  private static final Logger log = LoggerFactory.getLogger(RelapseService.class);

  private final RelapseReports reports;
  private final OutreachTasks outreach;
  private final NaloxoneResupplyTasks resupplies;
  private final PlanLookup plans;
  private final PatientsInCare inCare;
  private final SitePolicies sites;
  private final Alerts alerts;
  private final Clock clock;
  private final AuditTrail audit;

  RelapseService(RelapseReports reports, OutreachTasks outreach, NaloxoneResupplyTasks resupplies,
      PlanLookup plans, PatientsInCare inCare, SitePolicies sites, Alerts alerts,
      Clock clock, AuditTrail audit) {
    this.reports = reports;
    this.outreach = outreach;
    this.resupplies = resupplies;
    this.plans = plans;
    this.inCare = inCare;
    this.sites = sites;
    this.alerts = alerts;
    this.clock = clock;
    this.audit = audit;
  }

  @Transactional
  RelapseView report(UUID planId, ReportRelapse request, Caller caller) {
    PlanRef plan = plans.writable(planId, caller);
    Instant now = now();
    SitePolicy site = sites.of(plan.site());
    if (request.occurredOn().isAfter(site.today(clock))) {
      throw new InvalidField("occurredOn", "is after today at the plan's site");
    }
    RelapseView view = file(plan, site, new RelapseReport.Facts(request.kind(), request.substance(),
        request.occurredOn(), request.overdose(), request.naloxoneUsed(), request.overdoseEducationGiven(),
        RelapseSource.STAFF_REPORT, null), request.urgency(), request.wantsReadmission(), caller.username(), now);
    return view;
  }

  /**
   * Use learnt from a check-in or a screen: the same path as a counsellor's report, recorded as a
   * lapse (one use known; whether it is a relapse is the counsellor's judgement at the outreach). Once
   * per record: the report already filed for it is returned. Joins the caller's transaction.
   */
  @Transactional
  UUID useReported(PlanRef plan, RelapseSource source, UUID recordId, Substance substance, LocalDate occurredOn,
      String by) {
    Optional<RelapseReport> filed = reports.findBySourceAndSourceRecordId(source, recordId);
    if (filed.isPresent()) {
      return filed.get().id();
    }
    RelapseView view = file(plan, sites.of(plan.site()), new RelapseReport.Facts(RelapseResponse.Kind.LAPSE,
        substance, occurredOn, false, false, false, source, recordId), null, false, by, now());
    return view.reportId();
  }

  private RelapseView file(PlanRef plan, SitePolicy site, RelapseReport.Facts facts,
      RelapseResponse.@Nullable Urgency reportedUrgency, boolean wantsReadmission, String by, Instant now) {
    RelapseResponse.Decision decision = RelapseResponse.of(site.aftercare()).decide(facts.kind(), facts.overdose(),
        facts.naloxoneUsed(), reportedUrgency, wantsReadmission, now);
    UUID previousAdmission = inCare.findById(plan.patientId()).map(PatientInCare::lastAdmissionId).orElse(null);
    RelapseReport report = reports.save(RelapseReport.report(plan, facts, decision, previousAdmission, by, now));
    OutreachTask task = outreach.save(OutreachTask.after(report, decision, now));
    UUID alertId = decision.alertLeads()
        ? alerts.raise(plan, decision.overdose() ? Alerts.Reason.OVERDOSE : Alerts.Reason.EMERGENCY_RELAPSE,
            report.id(), decision.outreachDueAt(), now)
        : null;
    NaloxoneResupplyTask resupply = null;
    if (decision.naloxoneResupply()) {
      resupply = resupplies.save(NaloxoneResupplyTask.after(report, decision.outreachDueAt(), now));
      plans.naloxoneUsed(plan.planId());
    }
    plans.relapseReported(plan.planId(), facts.occurredOn());
    audit.wrote(AuditAction.CREATE, "RelapseReport", report.id(), plan.patientId(), plan.site());
    // Ids only: what was reported stays in the record and the audit trail, not in the log.
    log.info("Report {} filed with outreach task {}", report.id(), task.id());
    return RelapseView.of(report, task, alertId, resupply, plan.status().name());
  }

  @Transactional(readOnly = true)
  Page<RelapseView> ofPlan(UUID planId, Window window, Caller caller) {
    PlanRef plan = plans.readable(planId, caller);
    audit.read("RelapseReport", planId, plan.patientId(), plan.site());
    Page<RelapseReport> page = Page.read(window,
        rows -> reports.firstPage(planId, window.from(), window.to(), rows),
        (after, rows) -> reports.pageAfter(planId, window.from(), window.to(), after.at(), after.id(), rows),
        () -> reports.countInWindow(planId, window.from(), window.to()),
        report -> new Position(report.reportedAt(), report.id()));
    // Each report is filed with its outreach task in one transaction; read the page's tasks only.
    Map<UUID, OutreachTask> tasks = outreach.findByReportIdIn(page.items().stream().map(RelapseReport::id).toList())
        .stream().collect(Collectors.toMap(OutreachTask::reportId, task -> task));
    return page.map(report -> RelapseView.of(report, Objects.requireNonNull(tasks.get(report.id())),
        alerts.alertOf(report.id()).orElse(null), resupplies.findByReportId(report.id()).orElse(null),
        plan.status().name()));
  }


  @Transactional
  Outreach.OpenOutreach outreachDone(UUID planId, UUID taskId, Caller caller) {
    PlanRef plan = plans.writable(planId, caller);
    OutreachTask task = outreach.findById(taskId).filter(t -> t.planId().equals(planId))
        .orElseThrow(() -> new NotFound("Outreach task", taskId));
    task.done(clock.instant());
    outreach.save(task);
    audit.wrote(AuditAction.UPDATE, "OutreachTask", taskId, plan.patientId(), plan.site());
    return new Outreach.OpenOutreach(task.id(), task.urgency().name(), task.dueAt(), false);
  }

  /** A new kit was handed over: the task is done and the plan shows naloxone provided again. */
  @Transactional
  Outreach.OpenResupply naloxoneResupplied(UUID planId, UUID taskId, Caller caller) {
    PlanRef plan = plans.writable(planId, caller);
    NaloxoneResupplyTask task = resupplies.findById(taskId).filter(t -> t.planId().equals(planId))
        .orElseThrow(() -> new NotFound("Naloxone resupply task", taskId));
    Instant now = clock.instant();
    if (task.done(caller.username(), now)) {
      resupplies.save(task);
      // Another kit may still be owed for a later overdose: the plan is resupplied once none is open.
      if (resupplies.findByPlanIdAndCompletedAtIsNullOrderByDueAt(planId).isEmpty()) {
        plans.naloxoneResupplied(planId);
      }
      audit.wrote(AuditAction.UPDATE, "NaloxoneResupplyTask", taskId, plan.patientId(), plan.site());
    }
    return new Outreach.OpenResupply(task.id(), task.dueAt(), false, task.completedAt(), task.completedBy());
  }

  /** PostgreSQL keeps microseconds: the answer to a report shows the times a later read will show. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

}
