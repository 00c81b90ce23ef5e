package org.rehabnet.aftercare.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.plan.PlanLookup;
import org.rehabnet.aftercare.plan.PlanRef;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records check-ins against the cadence and says where a plan's check-ins stand. */
@Service
@EnableConfigurationProperties(CheckInProperties.class)
public class CheckInService {

  /** A check-in as staff see it. */
  record CheckInView(UUID checkInId, LocalDate on, LocalDate coversDueOn, int cravings, boolean usedSinceLastCheckIn,
      CheckIn.Mood mood, @Nullable Integer phq9Total, Phq9.@Nullable Band phq9Band, boolean safetyAlert,
      CheckIn.Housing housing, CheckIn.Employment employment, String recordedBy) {}

  record ScheduleView(UUID planId, CheckInStatus status, List<LocalDate> dueDatesThisYear, List<CheckInView> checkIns) {}

  private final CheckIns checkIns;
  private final FollowUpTasks tasks;
  private final PlanLookup plans;
  private final CheckInProperties properties;
  private final Clock clock;
  private final AuditTrail audit;

  CheckInService(CheckIns checkIns, FollowUpTasks tasks, PlanLookup plans, CheckInProperties properties, Clock clock,
      AuditTrail audit) {
    this.checkIns = checkIns;
    this.tasks = tasks;
    this.plans = plans;
    this.properties = properties;
    this.clock = clock;
    this.audit = audit;
  }

  @Transactional
  CheckInView record(UUID planId, RecordCheckIn request, Caller caller) {
    PlanRef plan = plans.writable(planId, caller);
    if (request.on().isBefore(plan.startsOn())) {
      throw new InvalidField("on", "is before the plan started");
    }
    Phq9 phq9 = request.phq9() == null ? null : new Phq9(request.phq9());
    Instant now = clock.instant();
    LocalDate covers = properties.cadence().covers(plan.startsOn(), request.on());
    CheckIn checkIn = checkIns.save(CheckIn.record(planId, plan.patientId(), plan.site(), request.on(), covers,
        request.cravings(), request.usedSinceLastCheckIn(), request.mood(), phq9, request.housing(),
        request.employment(), caller.username(), now));
    if (phq9 != null && phq9.selfHarmRisk()) {
      // PHQ-9 item 9 above 0 is a safety alert whatever the total: follow up now, not at the next check-in.
      tasks.raise(plan, FollowUpTasks.Reason.SELF_HARM_RISK, request.on(), now, now);
    }
    audit.wrote(AuditAction.CREATE, "CheckIn", checkIn.id(), plan.patientId(), plan.site());
    return view(checkIn, phq9);
  }

  @Transactional(readOnly = true)
  ScheduleView schedule(UUID planId, Caller caller) {
    PlanRef plan = plans.readable(planId, caller);
    LocalDate today = LocalDate.now(clock);
    audit.read("CheckIn", planId, plan.patientId(), plan.site());
    return new ScheduleView(planId, statusOf(plan, today),
        CheckInCadence.dueDatesUntil(plan.startsOn(), plan.startsOn().plusYears(1)),
        checkIns.findByPlanIdOrderByCheckedInOn(planId).stream().map(c -> view(c, null)).toList());
  }

  /** Where the plan's check-ins stand on {@code today}. */
  @Transactional(readOnly = true)
  public CheckInStatus statusOf(PlanRef plan, LocalDate today) {
    CheckInCadence cadence = properties.cadence();
    List<LocalDate> covered = coveredDates(plan.planId());
    LocalDate next = cadence.nextDue(plan.startsOn(), covered, today).orElse(null);
    List<LocalDate> missed = CheckInCadence.dueDatesUntil(plan.startsOn(), today).stream()
        .filter(due -> cadence.isMissed(due, today) && !covered.contains(due))
        .toList();
    boolean dueNow = next != null && !today.isBefore(next.minusDays(properties.graceDays()));
    return new CheckInStatus(next, dueNow, missed, tasks.openFor(plan.planId()).size());
  }

  /**
   * Turns every check-in missed by now into a follow-up task, once. Run by the scheduler; time comes
   * from the clock, so a test moves the clock and calls this.
   */
  @Transactional
  public int raiseFollowUpsForMissedCheckIns() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    CheckInCadence cadence = properties.cadence();
    int raised = 0;
    for (PlanRef plan : plans.openPlans()) {
      List<LocalDate> covered = coveredDates(plan.planId());
      List<LocalDate> tasked = tasks.tasked(plan.planId(), FollowUpTasks.Reason.MISSED_CHECK_IN);
      for (LocalDate due : CheckInCadence.dueDatesUntil(plan.startsOn(), today)) {
        if (cadence.isMissed(due, today) && !covered.contains(due) && !tasked.contains(due)
            && tasks.raise(plan, FollowUpTasks.Reason.MISSED_CHECK_IN, due, now.plus(properties.followUpWithin()),
                now)) {
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

  private List<LocalDate> coveredDates(UUID planId) {
    return checkIns.findByPlanIdOrderByCheckedInOn(planId).stream().map(CheckIn::coversDueOn).toList();
  }

  private static CheckInView view(CheckIn checkIn, @Nullable Phq9 phq9) {
    return new CheckInView(checkIn.id(), checkIn.checkedInOn(), checkIn.coversDueOn(), checkIn.cravings(),
        checkIn.usedSinceLast(), checkIn.mood(), checkIn.phq9Total(), phq9 == null ? null : phq9.band(),
        phq9 != null && phq9.selfHarmRisk(), checkIn.housing(), checkIn.employment(), checkIn.recordedBy());
  }
}
