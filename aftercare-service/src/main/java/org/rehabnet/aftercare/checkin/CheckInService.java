package org.rehabnet.aftercare.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.alert.Alerts;
import org.rehabnet.aftercare.plan.PlanLookup;
import org.rehabnet.aftercare.plan.PlanRef;
import org.rehabnet.aftercare.relapse.Reengagement;
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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records check-ins against the site's cadence and says where a plan's check-ins stand, in calendar
 * days at the plan's site. A check-in that reports use starts re-engagement (a relapse report); a
 * PHQ-9 item 9 above 0 raises an urgent follow-up task and an alert, every time.
 */
@Service
@EnableConfigurationProperties(CheckInProperties.class)
public class CheckInService {

  /** A check-in as staff see it; {@code relapseReportId} when its reported use started re-engagement. */
  record CheckInView(UUID checkInId, LocalDate on, LocalDate coversDueOn, int cravings, boolean usedSinceLastCheckIn,
      @Nullable Substance substanceUsed, CheckIn.Mood mood, @Nullable Integer phq9Total,
      Phq9.@Nullable Band phq9Band, boolean safetyAlert, CheckIn.Housing housing, CheckIn.Employment employment,
      String recordedBy, @Nullable UUID relapseReportId) {}

  record ScheduleView(UUID planId, CheckInStatus status, List<LocalDate> dueDatesThisYear) {}

  private final CheckIns checkIns;
  private final FollowUpTasks tasks;
  private final PlanLookup plans;
  private final SitePolicies sites;
  private final Reengagement reengagement;
  private final Alerts alerts;
  private final CheckInProperties properties;
  private final Clock clock;
  private final AuditTrail audit;

  CheckInService(CheckIns checkIns, FollowUpTasks tasks, PlanLookup plans, SitePolicies sites,
      Reengagement reengagement, Alerts alerts, CheckInProperties properties, Clock clock, AuditTrail audit) {
    this.checkIns = checkIns;
    this.tasks = tasks;
    this.plans = plans;
    this.sites = sites;
    this.reengagement = reengagement;
    this.alerts = alerts;
    this.properties = properties;
    this.clock = clock;
    this.audit = audit;
  }

  @Transactional
  CheckInView record(UUID planId, RecordCheckIn request, Caller caller) {
    PlanRef plan = plans.writable(planId, caller);
    SitePolicy site = sites.of(plan.site());
    if (request.on().isBefore(plan.startsOn())) {
      throw new InvalidField("on", "is before the plan started");
    }
    if (request.on().isAfter(site.today(clock))) {
      throw new InvalidField("on", "is after today at the plan's site");
    }
    if (request.usedSinceLastCheckIn() && request.substanceUsed() == null) {
      throw new InvalidField("substanceUsed", "is required when use since the last check-in is reported");
    }
    if (!request.usedSinceLastCheckIn() && request.substanceUsed() != null) {
      throw new InvalidField("substanceUsed", "is only given when use since the last check-in is reported");
    }
    Phq9 phq9 = request.phq9() == null ? null : new Phq9(request.phq9());
    Instant now = clock.instant();
    LocalDate covers = cadence(site).covers(plan.startsOn(), request.on());
    CheckIn checkIn = checkIns.save(CheckIn.record(planId, plan.patientId(), plan.site(), request.on(), covers,
        request.cravings(), request.usedSinceLastCheckIn(), request.substanceUsed(), request.mood(), phq9,
        request.housing(), request.employment(), caller.username(), now));
    if (phq9 != null && phq9.selfHarmRisk()) {
      // PHQ-9 item 9 above 0 is a safety alert whatever the total: follow up now, not at the next check-in,
      // and for every such answer (docs/clinical-rules.md, "Self-harm risk at a check-in").
      tasks.selfHarmRisk(plan, checkIn.id(), request.on(), now);
      alerts.raise(plan, Alerts.Reason.SELF_HARM_RISK, checkIn.id(), now.plus(site.aftercare().urgentOutreachWithin()),
          now);
    }
    UUID relapseReport = null;
    if (request.usedSinceLastCheckIn()) {
      relapseReport = reengagement.useReportedAtCheckIn(plan, checkIn.id(), request.substanceUsed(), request.on(),
          caller.username());
    }
    audit.wrote(AuditAction.CREATE, "CheckIn", checkIn.id(), plan.patientId(), plan.site());
    return view(checkIn, phq9, relapseReport);
  }

  @Transactional(readOnly = true)
  ScheduleView schedule(UUID planId, Caller caller) {
    PlanRef plan = plans.readable(planId, caller);
    SitePolicy site = sites.of(plan.site());
    return new ScheduleView(planId, statusOf(plan, site.today(clock)),
        cadence(site).dueDatesUntil(plan.startsOn(), plan.startsOn().plusYears(1)));
  }

  @Transactional(readOnly = true)
  Page<CheckInView> ofPlan(UUID planId, Window window, Caller caller) {
    PlanRef plan = plans.readable(planId, caller);
    audit.read("CheckIn", planId, plan.patientId(), plan.site());
    return Page.read(window, rows -> checkIns.firstPage(planId, window.from(), window.to(), rows),
        (after, rows) -> checkIns.pageAfter(planId, window.from(), window.to(), after.at(), after.id(), rows),
        () -> checkIns.countInWindow(planId, window.from(), window.to()),
        checkIn -> new Position(checkIn.recordedAt(), checkIn.id())).map(checkIn -> view(checkIn, null, null));
  }

  /** Where the plan's check-ins stand on {@code today}, a calendar day at the plan's site. */
  @Transactional(readOnly = true)
  public CheckInStatus statusOf(PlanRef plan, LocalDate today) {
    CheckInCadence cadence = cadence(sites.of(plan.site()));
    List<LocalDate> covered = coveredDates(plan, cadence);
    LocalDate next = cadence.nextDue(plan.startsOn(), covered, today).orElse(null);
    List<LocalDate> missed = cadence.dueDatesUntil(plan.startsOn(), today).stream()
        .filter(due -> cadence.isMissed(due, today) && !covered.contains(due))
        .toList();
    boolean dueNow = next != null && !today.isBefore(next.minusDays(properties.graceDays()));
    return new CheckInStatus(next, dueNow, missed, tasks.openFor(plan.planId()).size());
  }

  /**
   * Turns every check-in missed by now into a follow-up task, once. A due date is missed when its
   * grace days have passed in the plan's site calendar, so the same instant can be "missed" at one site
   * and not yet at another. Run by the scheduler; time comes from the clock, so a test moves the clock
   * and calls this.
   */
  @Transactional
  public int raiseFollowUpsForMissedCheckIns() {
    Instant now = clock.instant();
    int raised = 0;
    for (PlanRef plan : plans.openPlans()) {
      SitePolicy site = sites.of(plan.site());
      LocalDate today = site.today(clock);
      CheckInCadence cadence = cadence(site);
      List<LocalDate> covered = coveredDates(plan, cadence);
      List<LocalDate> tasked = tasks.tasked(plan.planId(), FollowUpTasks.Reason.MISSED_CHECK_IN);
      for (LocalDate due : cadence.dueDatesUntil(plan.startsOn(), today)) {
        if (cadence.isMissed(due, today) && !covered.contains(due) && !tasked.contains(due)
            && tasks.missed(plan, due, now.plus(properties.followUpWithin()), now)) {
          raised++;
        }
      }
    }
    return raised;
  }

  @Transactional(readOnly = true)
  List<FollowUpTasks.FollowUp> followUps(UUID planId, Caller caller) {
    PlanRef plan = plans.readable(planId, caller);
    audit.read("FollowUpTask", planId, plan.patientId(), plan.site());
    return tasks.openFor(planId);
  }

  @Transactional
  void followUpDone(UUID planId, UUID taskId, Caller caller) {
    PlanRef plan = plans.writable(planId, caller);
    if (!tasks.done(planId, taskId, clock.instant())) {
      throw new NotFound("Open follow-up task", taskId);
    }
    audit.wrote(AuditAction.UPDATE, "FollowUpTask", taskId, plan.patientId(), plan.site());
  }

  private CheckInCadence cadence(SitePolicy site) {
    return CheckInCadence.of(properties.graceDays(), site.aftercare());
  }

  /**
   * The due dates the plan's check-ins fulfil under the site's current cadence: worked out again from
   * the check-in dates, so a cadence changed by the site does not turn covered dates into missed ones.
   */
  private List<LocalDate> coveredDates(PlanRef plan, CheckInCadence cadence) {
    return checkIns.findByPlanIdOrderByCheckedInOn(plan.planId()).stream()
        .map(checkIn -> cadence.covers(plan.startsOn(), checkIn.checkedInOn()))
        .distinct()
        .toList();
  }

  private static CheckInView view(CheckIn checkIn, @Nullable Phq9 phq9, @Nullable UUID relapseReport) {
    Integer item9 = checkIn.phq9Item9();
    Integer total = checkIn.phq9Total();
    return new CheckInView(checkIn.id(), checkIn.checkedInOn(), checkIn.coversDueOn(), checkIn.cravings(),
        checkIn.usedSinceLast(), checkIn.substanceUsed(), checkIn.mood(), total,
        phq9 != null ? phq9.band() : total == null ? null : Phq9.bandOf(total), item9 != null && item9 > 0, checkIn.housing(), checkIn.employment(),
        checkIn.recordedBy(), relapseReport);
  }
}
