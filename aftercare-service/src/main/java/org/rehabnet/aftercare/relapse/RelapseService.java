package org.rehabnet.aftercare.relapse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.care.PatientInCare;
import org.rehabnet.aftercare.care.PatientsInCare;
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
import tools.jackson.databind.json.JsonMapper;

/** Takes lapse and relapse reports: the plan stays open, outreach is due, readmission if wanted. */
@Service
@EnableConfigurationProperties(RelapseProperties.class)
class RelapseService {

  static final String OPERATION = "relapse-report";

  /** The answer, and whether it is a replay of an earlier one. */
  record Outcome(RelapseView view, boolean replayed) {}

  private final RelapseReports reports;
  private final OutreachTasks outreach;
  private final IdempotentRequests idempotency;
  private final PlanLookup plans;
  private final PatientsInCare inCare;
  private final RelapseProperties properties;
  private final JsonMapper json;
  private final Clock clock;
  private final AuditTrail audit;

  RelapseService(RelapseReports reports, OutreachTasks outreach, IdempotentRequests idempotency, PlanLookup plans,
      PatientsInCare inCare, RelapseProperties properties, JsonMapper json, Clock clock, AuditTrail audit) {
    this.reports = reports;
    this.outreach = outreach;
    this.idempotency = idempotency;
    this.plans = plans;
    this.inCare = inCare;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
    this.audit = audit;
  }

  @Transactional
  Outcome report(UUID planId, ReportRelapse request, @Nullable String idempotencyKey, Caller caller) {
    PlanRef plan = plans.writable(planId, caller);
    Instant now = clock.instant();
    if (idempotencyKey != null) {
      if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
        throw new InvalidField("Idempotency-Key", "must be 1 to 200 characters");
      }
      Optional<IdempotentRequests.Stored> earlier = idempotency.claim(OPERATION, idempotencyKey, caller.username(),
          hash(planId, request), now);
      if (earlier.isPresent()) {
        audit.read("RelapseReport", planId, plan.patientId(), plan.site());
        return new Outcome(json.readValue(earlier.get().body(), RelapseView.class), true);
      }
    }
    RelapseResponse.Decision decision = properties.response().decide(request.kind(), request.overdose(),
        request.wantsReadmission(), now);
    UUID previousAdmission = inCare.findById(plan.patientId()).map(PatientInCare::lastAdmissionId).orElse(null);
    RelapseReport report = reports.save(RelapseReport.report(plan, request.kind(), request.substance(),
        request.occurredOn(), request.overdose(), request.naloxoneUsed(), request.overdoseEducationGiven(), decision,
        previousAdmission, caller.username(), now));
    OutreachTask task = outreach.save(OutreachTask.after(report, decision, now));
    plans.relapseReported(planId, request.occurredOn());
    RelapseView view = RelapseView.of(report, task, plans.readable(planId, caller).status().name());
    if (idempotencyKey != null) {
      idempotency.complete(OPERATION, idempotencyKey, 201, json.writeValueAsString(view));
    }
    audit.wrote(AuditAction.CREATE, "RelapseReport", report.id(), plan.patientId(), plan.site());
    return new Outcome(view, false);
  }

  @Transactional(readOnly = true)
  List<RelapseView> ofPlan(UUID planId, Caller caller) {
    PlanRef plan = plans.readable(planId, caller);
    audit.read("RelapseReport", planId, plan.patientId(), plan.site());
    List<OutreachTask> tasks = outreach.findByPlanId(planId);
    return reports.findByPlanIdOrderByReportedAt(planId).stream()
        .flatMap(report -> tasks.stream()
            .filter(t -> matches(t, report))
            .findFirst()
            .map(task -> RelapseView.of(report, task, plan.status().name()))
            .stream())
        .toList();
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

  private boolean matches(OutreachTask task, RelapseReport report) {
    return task.reportId().equals(report.id());
  }

  private String hash(UUID planId, ReportRelapse request) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((planId + "|" + json.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
