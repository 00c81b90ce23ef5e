package org.rehabnet.aftercare.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.care.IdentifiedPatient;
import org.rehabnet.aftercare.care.PatientDirectory;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alert worklist of a site: counsellors of the site and clinical leads read it and acknowledge
 * alerts; every alert shown or acknowledged is audited against its patient.
 */
@RestController
@Validated
@SecurityRequirement(name = "keycloak")
class AlertController {

  /** Which alerts a worklist shows. */
  enum State {
    OPEN,
    ALL
  }

  /** An alert with the person it is about, so staff recognise them (MRN, name, birth date). */
  record WorklistEntry(Alerts.AlertView alert, @Nullable IdentifiedPatient patient) {}

  record Worklist(String site, @Nullable String counsellor, State state, int open, int overdue,
      List<WorklistEntry> alerts) {}

  private final AftercareAlerts alerts;
  private final PatientDirectory patients;
  private final Clock clock;
  private final AuditTrail audit;

  AlertController(AftercareAlerts alerts, PatientDirectory patients, Clock clock, AuditTrail audit) {
    this.alerts = alerts;
    this.patients = patients;
    this.clock = clock;
    this.audit = audit;
  }

  @GetMapping("/v1/alerts")
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "The site's aftercare alerts, most urgent first: open ones by default, or all (counsellor of "
      + "the site, clinical lead); with counsellor, those addressed to them and those of plans without one")
  @ApiResponse(responseCode = "400", description = "site missing or not a site code")
  @ApiResponse(responseCode = "404", description = "A site that is not the caller's")
  @Transactional(readOnly = true)
  public Worklist worklist(
      @RequestParam @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "must be a site code") String site,
      @RequestParam(required = false) @Nullable @Size(max = 100) String counsellor,
      @RequestParam(defaultValue = "OPEN") State state) {
    Caller caller = Caller.current();
    SiteScope.readableSite(site, caller);
    Instant now = clock.instant();
    List<Alerts.AlertView> shown = alerts.findBySiteOrderByRaisedAtDesc(site).stream()
        .map(alert -> alert.view(now))
        .filter(alert -> state == State.ALL || alert.acknowledgedAt() == null)
        .filter(alert -> counsellor == null || alert.counsellor() == null || counsellor.equals(alert.counsellor()))
        .sorted(Comparator.comparing((Alerts.AlertView alert) -> alert.acknowledgedAt() != null)
            .thenComparing(Alerts.AlertView::severity, Comparator.reverseOrder())
            .thenComparing(Alerts.AlertView::respondBy))
        .toList();
    shown.forEach(alert -> audit.read("AftercareAlert", alert.alertId(), alert.patientId(), site));
    return new Worklist(site, counsellor, state,
        (int) shown.stream().filter(alert -> alert.acknowledgedAt() == null).count(),
        (int) shown.stream().filter(Alerts.AlertView::overdue).count(),
        shown.stream().map(alert -> new WorklistEntry(alert, patients.identified(alert.patientId()).orElse(null)))
            .toList());
  }

  @PostMapping("/v1/alerts/{alertId}/acknowledgement")
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "Acknowledge an alert (counsellor of its site, clinical lead); acknowledging it again keeps "
      + "the first acknowledgement")
  @ApiResponse(responseCode = "200", description = "Acknowledged (now or before: acknowledgedBy says by whom)")
  @ApiResponse(responseCode = "403", description = "A counsellor who does not work at the alert's site")
  @ApiResponse(responseCode = "404", description = "Unknown, or at a site that is not the caller's")
  @Transactional
  public Alerts.AlertView acknowledge(@PathVariable UUID alertId) {
    Caller caller = Caller.current();
    // The clinical lead reads and answers for every site; a counsellor only for their own.
    AftercareAlert alert = SiteScope.answerable(alerts.findById(alertId), AftercareAlert::site, caller, "Alert",
        alertId);
    Instant now = clock.instant();
    if (alert.acknowledge(caller.username(), now)) {
      alert = alerts.save(alert);
      audit.wrote(AuditAction.UPDATE, "AftercareAlert", alertId, alert.patientId(), alert.site());
    } else {
      audit.read("AftercareAlert", alertId, alert.patientId(), alert.site());
    }
    return alert.view(now);
  }
}
