package org.rehabnet.aftercare.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.care.PatientDirectory;
import org.rehabnet.aftercare.site.SitePolicies;
import org.rehabnet.platform.events.monitoring.PatientDischarged;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.Roles;
import org.rehabnet.platform.web.security.SiteScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens plans from discharges and by hand, and shows them to the staff of their site. */
@Service
class PlanService {

  private static final Logger log = LoggerFactory.getLogger(PlanService.class);

  private final AftercarePlans plans;
  private final CounsellingNotes notes;
  private final PlanLookup lookup;
  private final PatientDirectory patients;
  private final SitePolicies sites;
  private final Clock clock;
  private final AuditTrail audit;

  PlanService(AftercarePlans plans, CounsellingNotes notes, PlanLookup lookup, PatientDirectory patients,
      SitePolicies sites, Clock clock, AuditTrail audit) {
    this.plans = plans;
    this.notes = notes;
    this.lookup = lookup;
    this.patients = patients;
    this.sites = sites;
    this.clock = clock;
    this.audit = audit;
  }

  /** Runs in the event inbox's transaction; one plan per episode even if the discharge is replayed. */
  void openFrom(PatientDischarged discharge) {
    if (plans.existsByEpisodeId(discharge.episodeId())) {
      log.info("Plan for episode {} already open", discharge.episodeId());
      return;
    }
    // Aftercare starts the day the person leaves detox, a calendar day at the site (docs/clinical-rules.md).
    LocalDate startsOn = sites.of(discharge.site()).dateOf(discharge.dischargedAt());
    AftercarePlan plan = plans.save(AftercarePlan.fromDischarge(discharge.episodeId(), discharge.patientId(),
        discharge.site(), startsOn, medication(discharge.medicationPlan()), discharge.receivingPrescriber(),
        discharge.naloxoneProvided() ? NaloxoneStatus.PROVIDED : NaloxoneStatus.NOT_PROVIDED,
        discharge.overdoseEducation(), clock.instant()));
    log.info("Opened {} for episode {}", plan, discharge.episodeId());
  }

  @Transactional
  PlanView open(OpenPlan request, Caller caller) {
    SiteScope.workingSite(request.site(), caller);
    if (!patients.knows(request.patientId())) {
      throw new UnknownPatient(request.patientId());
    }
    LocalDate today = today(request.site());
    AftercarePlan plan = plans.save(AftercarePlan.forOutpatient(request.patientId(), request.site(),
        request.counsellor(), request.startsOn() == null ? today : request.startsOn(), request.medicationPlan(),
        request.naloxoneStatus(), request.overdoseEducation(), orEmpty(request.goals()),
        orEmpty(request.relapsePrevention()), clock.instant(), caller.username()));
    audit.wrote(AuditAction.CREATE, "AftercarePlan", plan.id(), plan.patientId(), plan.site());
    return PlanView.of(plan, today);
  }

  @Transactional
  PlanView revise(UUID planId, RevisePlan request, Caller caller) {
    lookup.writable(planId, caller);
    AftercarePlan plan = plans.findById(planId).orElseThrow(() -> new NotFound("Aftercare plan", planId));
    if (plan.version() != request.version()) {
      throw new OptimisticLockingFailureException("plan " + planId + " changed");
    }
    plan.revise(request.counsellor(), request.goals(), request.relapsePrevention(), request.naloxoneStatus());
    plan = plans.save(plan);
    audit.wrote(AuditAction.UPDATE, "AftercarePlan", plan.id(), plan.patientId(), plan.site());
    return PlanView.of(plan, today(plan.site()));
  }

  @Transactional(readOnly = true)
  PlanView find(UUID planId, Caller caller) {
    AftercarePlan plan = readable(planId, caller);
    audit.read("AftercarePlan", plan.id(), plan.patientId(), plan.site());
    return PlanView.of(plan, today(plan.site()));
  }

  @Transactional(readOnly = true)
  PlanSummary summary(UUID planId, Caller caller) {
    AftercarePlan plan = readable(planId, caller);
    audit.read("AftercarePlanSummary", plan.id(), plan.patientId(), plan.site());
    return PlanSummary.of(plan, today(plan.site()));
  }

  @Transactional(readOnly = true)
  List<PlanSummary> ofPatient(UUID patientId, Caller caller) {
    List<AftercarePlan> all = plans.findByPatientId(patientId);
    // A patient of no site the caller reads is the same 404 as an unknown one (was 200 [] for both,
    // while the patient's disclosures answered 404): the patient's own site from intake, or a plan's.
    List<String> sites = new java.util.ArrayList<>(all.stream().map(AftercarePlan::site).toList());
    patients.siteOf(patientId).ifPresent(sites::add);
    if (!SiteScope.readsAnyOf(sites, caller)) {
      throw new NotFound("Patient", patientId);
    }
    List<AftercarePlan> found = SiteScope.readableOnly(all, AftercarePlan::site, caller);
    found.forEach(plan -> audit.read("AftercarePlanSummary", plan.id(), plan.patientId(), plan.site()));
    return found.stream().map(plan -> PlanSummary.of(plan, today(plan.site()))).toList();
  }

  @Transactional
  CounsellingNote.View writeNote(UUID planId, WriteNote request, Caller caller) {
    PlanRef plan = lookup.writable(planId, caller);
    CounsellingNote note = notes.save(CounsellingNote.write(plan, request.text(), caller.username(),
        clock.instant()));
    audit.wrote(AuditAction.CREATE, "CounsellingNote", note.id(), plan.patientId(), plan.site());
    return note.view();
  }

  /** Only counsellors who work at the patient's site: not a clinical lead, not another site. */
  @Transactional(readOnly = true)
  Page<CounsellingNote.View> notes(UUID planId, Window window, Caller caller) {
    PlanRef plan = SiteScope.ownSite(lookup.find(planId).filter(p -> caller.hasRole(Roles.COUNSELLOR)), PlanRef::site,
        caller, "Aftercare plan", planId);
    audit.read("CounsellingNote", planId, plan.patientId(), plan.site());
    return Page.read(window, rows -> notes.firstPage(planId, window.from(), window.to(), rows),
        (after, rows) -> notes.pageAfter(planId, window.from(), window.to(), after.at(), after.id(), rows),
        () -> notes.countInWindow(planId, window.from(), window.to()),
        note -> new Position(note.writtenAt(), note.id())).map(CounsellingNote::view);
  }

  private AftercarePlan readable(UUID planId, Caller caller) {
    return SiteScope.readable(plans.findById(planId), AftercarePlan::site, caller, "Aftercare plan", planId);
  }

  /** The calendar day at the site: milestones and start dates are days there, not in UTC. */
  private LocalDate today(String site) {
    return sites.of(site).today(clock);
  }

  private static MedicationPlan medication(String code) {
    try {
      return MedicationPlan.valueOf(Objects.requireNonNull(code));
    } catch (IllegalArgumentException e) {
      // A code this service does not know yet must not block the plan; the counsellor sees NONE and the log.
      log.warn("Unknown medication plan code {}, recorded as NONE", code);
      return MedicationPlan.NONE;
    }
  }

  private static List<String> orEmpty(@Nullable List<String> values) {
    return values == null ? List.of() : values;
  }
}
