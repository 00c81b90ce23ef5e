package org.rehabnet.aftercare.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.care.IdentifiedPatient;
import org.rehabnet.aftercare.care.PatientDirectory;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Pages;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.paging.Windowed;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.springframework.http.ResponseEntity;
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

  /**
   * A worklist page: {@code open} and {@code overdue} count the site's open alerts (every page), and
   * {@code alerts} holds the open ones (first page only) and then a page of the acknowledged ones.
   */
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
  @Operation(summary = "The site's aftercare alerts (counsellor of the site, clinical lead); with counsellor, those "
      + "addressed to them and those of plans without one. Every open alert, most urgent first, never paged; with "
      + "state=ALL, after them the acknowledged ones, newest acknowledged first, by default those of the last 31 "
      + "days in pages of 100 with X-Total-Count and Link rel=next")
  @ApiResponse(responseCode = "400", description = "site missing or not a site code; from, to, limit or cursor not "
      + "valid, or a window over 366 days")
  @ApiResponse(responseCode = "404", description = "A site that is not the caller's")
  @Transactional(readOnly = true)
  public ResponseEntity<Worklist> worklist(
      @RequestParam @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "must be a site code") String site,
      @RequestParam(required = false) @Nullable @Size(max = 100) String counsellor,
      @RequestParam(defaultValue = "OPEN") State state,
      // A month of what was answered, as monitoring keeps a month of an episode's alerts.
      @Windowed(defaultSpan = "P31D", maxSpan = "P366D") Window window) {
    Caller caller = Caller.current();
    SiteScope.readableSite(site, caller);
    Instant now = clock.instant();
    // The open alerts come with the first page only, so a client that follows Link sees each once.
    List<Alerts.AlertView> open = state == State.OPEN || window.after() == null
        ? alerts.openAtSite(site, counsellor).stream().map(alert -> alert.view(now)).toList()
        : List.of();
    long openCount = alerts.countOpen(site, counsellor, null);
    Page<Alerts.AlertView> acknowledged = state == State.ALL
        ? Page.read(window,
            rows -> views(alerts.acknowledgedFirstPage(site, counsellor, window.from(), window.to(), rows), now),
            (after, rows) -> views(alerts.acknowledgedPageAfter(site, counsellor, window.from(), window.to(),
                after.at(), after.id(), rows), now),
            () -> alerts.countAcknowledged(site, counsellor, window.from(), window.to()),
            alert -> new Position(Objects.requireNonNull(alert.acknowledgedAt()), alert.alertId()))
        : new Page<>(List.of(), 0, null);
    List<Alerts.AlertView> shown = new ArrayList<>(open);
    shown.addAll(acknowledged.items());
    shown.forEach(alert -> audit.read("AftercareAlert", alert.alertId(), alert.patientId(), site));
    List<WorklistEntry> entries = shown.stream()
        .map(alert -> new WorklistEntry(alert, patients.identified(alert.patientId()).orElse(null))).toList();
    Worklist worklist = new Worklist(site, counsellor, state, Math.toIntExact(openCount),
        Math.toIntExact(alerts.countOpen(site, counsellor, now)), entries);
    Map<String, @Nullable Object> filters = new HashMap<>();
    filters.put("site", site);
    filters.put("counsellor", counsellor);
    filters.put("state", state);
    return Pages.respondWithin(worklist, new Page<>(entries, openCount + acknowledged.total(), acknowledged.next()),
        window, filters);
  }

  private static List<Alerts.AlertView> views(List<AftercareAlert> rows, Instant now) {
    return rows.stream().map(alert -> alert.view(now)).toList();
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
