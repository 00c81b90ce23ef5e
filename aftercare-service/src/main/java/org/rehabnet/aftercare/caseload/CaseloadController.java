package org.rehabnet.aftercare.caseload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.checkin.CheckInService;
import org.rehabnet.aftercare.checkin.CheckInStatus;
import org.rehabnet.aftercare.plan.PlanLookup;
import org.rehabnet.aftercare.plan.PlanRef;
import org.rehabnet.aftercare.plan.RecoveryMilestones;
import org.rehabnet.aftercare.relapse.Outreach;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A counsellor's caseload at a site: plans, due check-ins, overdue outreach, milestones reached. */
@RestController
@Validated
@SecurityRequirement(name = "keycloak")
class CaseloadController {

  record CaseloadEntry(UUID planId, UUID patientId, @Nullable String counsellor, LocalDate startsOn,
      @Nullable LocalDate nextCheckInDueOn, boolean checkInDue, List<LocalDate> missedCheckIns, int openFollowUps,
      List<Outreach.OpenOutreach> openOutreach, boolean outreachOverdue,
      List<RecoveryMilestones.Milestone> milestonesReached) {}

  record Caseload(String site, @Nullable String counsellor, LocalDate today, int plans, int checkInsDue,
      int outreachOverdue, List<CaseloadEntry> entries) {}

  private final PlanLookup plans;
  private final CheckInService checkIns;
  private final Outreach outreach;
  private final Clock clock;
  private final AuditTrail audit;

  CaseloadController(PlanLookup plans, CheckInService checkIns, Outreach outreach, Clock clock, AuditTrail audit) {
    this.plans = plans;
    this.checkIns = checkIns;
    this.outreach = outreach;
    this.clock = clock;
    this.audit = audit;
  }

  @GetMapping("/v1/caseload")
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "Caseload of a site, optionally one counsellor's: open plans with due check-ins, overdue "
      + "outreach and milestones reached (counsellor of the site, clinical lead)")
  @ApiResponse(responseCode = "400", description = "site missing or not a site code")
  @ApiResponse(responseCode = "404", description = "A site that is not the caller's")
  @Transactional(readOnly = true)
  public Caseload caseload(
      @RequestParam @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "must be a site code") String site,
      @RequestParam(required = false) @Nullable @Size(max = 100) String counsellor) {
    Caller caller = Caller.current();
    if (!caller.canRead(site)) {
      throw new NotFound("Caseload of site", site);
    }
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    List<CaseloadEntry> entries = plans.openPlansAt(site, counsellor).stream()
        .map(plan -> entry(plan, today, now))
        .sorted(Comparator.comparing(CaseloadEntry::outreachOverdue).reversed()
            .thenComparing(CaseloadEntry::checkInDue, Comparator.reverseOrder())
            .thenComparing(CaseloadEntry::startsOn))
        .toList();
    entries.forEach(entry -> audit.read("Caseload", entry.planId(), entry.patientId(), site));
    return new Caseload(site, counsellor, today, entries.size(),
        (int) entries.stream().filter(CaseloadEntry::checkInDue).count(),
        (int) entries.stream().filter(CaseloadEntry::outreachOverdue).count(), entries);
  }

  private CaseloadEntry entry(PlanRef plan, LocalDate today, Instant now) {
    CheckInStatus status = checkIns.statusOf(plan, today);
    List<Outreach.OpenOutreach> open = outreach.openFor(plan.planId(), now);
    return new CaseloadEntry(plan.planId(), plan.patientId(), plan.counsellor(), plan.startsOn(), status.nextDueOn(),
        status.dueNow(), status.missed(), status.openFollowUps(), open,
        open.stream().anyMatch(Outreach.OpenOutreach::overdue),
        RecoveryMilestones.of(plan.startsOn(), today).stream().filter(RecoveryMilestones.Milestone::reached).toList());
  }
}
