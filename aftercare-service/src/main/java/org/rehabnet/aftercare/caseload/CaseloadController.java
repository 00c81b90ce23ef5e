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
import org.rehabnet.aftercare.alert.Alerts;
import org.rehabnet.aftercare.care.IdentifiedPatient;
import org.rehabnet.aftercare.care.PatientDirectory;
import org.rehabnet.aftercare.checkin.CheckInService;
import org.rehabnet.aftercare.checkin.CheckInStatus;
import org.rehabnet.aftercare.plan.NaloxoneStatus;
import org.rehabnet.aftercare.plan.PlanLookup;
import org.rehabnet.aftercare.plan.PlanRef;
import org.rehabnet.aftercare.plan.RecoveryMilestones;
import org.rehabnet.aftercare.relapse.Outreach;
import org.rehabnet.aftercare.site.SitePolicies;
import org.rehabnet.aftercare.site.SitePolicy;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A counsellor's caseload at a site, on the site's calendar day: plans with the person (MRN, name,
 * birth date as intake last sent them), open alerts, overdue outreach and naloxone owed, due and missed
 * check-ins, and milestones reached since the last lapse or relapse.
 */
@RestController
@Validated
@SecurityRequirement(name = "keycloak")
class CaseloadController {

  record CaseloadEntry(UUID planId, UUID patientId, @Nullable IdentifiedPatient patient, @Nullable String counsellor,
      LocalDate startsOn, @Nullable LocalDate nextCheckInDueOn, boolean checkInDue, List<LocalDate> missedCheckIns,
      int openFollowUps, List<Alerts.AlertView> openAlerts, List<Outreach.OpenOutreach> openOutreach,
      boolean outreachOverdue, NaloxoneStatus naloxoneStatus, List<Outreach.OpenResupply> naloxoneOwed,
      LocalDate recoverySince, List<RecoveryMilestones.Milestone> milestonesReached) {}

  /**
   * {@code today} is the calendar day at the site; {@code siteSettingsReceived} is false while intake's
   * announcement of the site has not arrived and the defaults are applied in UTC.
   */
  record Caseload(String site, @Nullable String counsellor, LocalDate today, String timeZone,
      boolean siteSettingsReceived, int plans, int openAlerts, int checkInsDue, int outreachOverdue,
      List<CaseloadEntry> entries) {}

  private final PlanLookup plans;
  private final CheckInService checkIns;
  private final Outreach outreach;
  private final Alerts alerts;
  private final PatientDirectory patients;
  private final SitePolicies sites;
  private final Clock clock;
  private final AuditTrail audit;

  CaseloadController(PlanLookup plans, CheckInService checkIns, Outreach outreach, Alerts alerts,
      PatientDirectory patients, SitePolicies sites, Clock clock, AuditTrail audit) {
    this.plans = plans;
    this.checkIns = checkIns;
    this.outreach = outreach;
    this.alerts = alerts;
    this.patients = patients;
    this.sites = sites;
    this.clock = clock;
    this.audit = audit;
  }

  @GetMapping("/v1/caseload")
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "Caseload of a site, optionally one counsellor's: open plans with open alerts, overdue "
      + "outreach, naloxone owed, due and missed check-ins and milestones reached, on the site's calendar day "
      + "(counsellor of the site, clinical lead)")
  @ApiResponse(responseCode = "400", description = "site missing or not a site code")
  @ApiResponse(responseCode = "404", description = "A site that is not the caller's")
  @Transactional(readOnly = true)
  public Caseload caseload(
      @RequestParam @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "must be a site code") String site,
      @RequestParam(required = false) @Nullable @Size(max = 100) String counsellor) {
    Caller caller = Caller.current();
    SiteScope.readableSite(site, caller);
    SitePolicy policy = sites.of(site);
    LocalDate today = policy.today(clock);
    Instant now = clock.instant();
    List<CaseloadEntry> entries = plans.openPlansAt(site, counsellor).stream()
        .map(plan -> entry(plan, today, now))
        .sorted(Comparator.comparing((CaseloadEntry entry) -> entry.openAlerts().isEmpty())
            .thenComparing(CaseloadEntry::outreachOverdue, Comparator.reverseOrder())
            .thenComparing(CaseloadEntry::checkInDue, Comparator.reverseOrder())
            .thenComparing(CaseloadEntry::startsOn))
        .toList();
    entries.forEach(entry -> audit.read("Caseload", entry.planId(), entry.patientId(), site));
    return new Caseload(site, counsellor, today, policy.zone().getId(), policy.received(), entries.size(),
        entries.stream().mapToInt(entry -> entry.openAlerts().size()).sum(),
        (int) entries.stream().filter(CaseloadEntry::checkInDue).count(),
        (int) entries.stream().filter(CaseloadEntry::outreachOverdue).count(), entries);
  }

  private CaseloadEntry entry(PlanRef plan, LocalDate today, Instant now) {
    CheckInStatus status = checkIns.statusOf(plan, today);
    List<Outreach.OpenOutreach> open = outreach.openFor(plan.planId(), now);
    return new CaseloadEntry(plan.planId(), plan.patientId(), patients.identified(plan.patientId()).orElse(null),
        plan.counsellor(), plan.startsOn(), status.nextDueOn(), status.dueNow(), status.missed(),
        status.openFollowUps(), alerts.openFor(plan.planId(), now), open,
        open.stream().anyMatch(Outreach.OpenOutreach::overdue), plan.naloxoneStatus(),
        outreach.openResuppliesFor(plan.planId(), now),
        RecoveryMilestones.recoverySince(plan.startsOn(), plan.lastRelapseOn()),
        plan.milestones(today).stream().filter(RecoveryMilestones.Milestone::reached).toList());
  }
}
