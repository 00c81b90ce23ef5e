package org.rehabnet.intake.safety;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.UUID;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "keycloak")
class SafetyAlertController {

  private static final String CARE_TEAM = "hasAnyRole('intake-coordinator', 'nurse', 'physician', 'clinical-lead')";

  private final SafetyAlertService alerts;

  SafetyAlertController(SafetyAlertService alerts) {
    this.alerts = alerts;
  }

  @GetMapping("/v1/sites/{site}/safety-alerts")
  @PreAuthorize(CARE_TEAM)
  @Operation(summary = "The site's intake safety alerts (a pre-admission PHQ-9 with item 9 above 0), open ones"
      + " first, then newest: intake-coordinator, nurse, physician of the site; clinical-lead")
  @ApiResponse(responseCode = "200", description = "A page {items, page, size, totalItems, openItems}")
  @ApiResponse(responseCode = "400", description = "page below 0 or size outside 1..50")
  @ApiResponse(responseCode = "403", description = "Role not allowed")
  @ApiResponse(responseCode = "404", description = "Unknown site, or not one of the caller's sites")
  SafetyAlertPage list(@PathVariable String site, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return alerts.list(site, page, size, Caller.current());
  }

  @PostMapping("/v1/safety-alerts/{alertId}/acknowledgement")
  @PreAuthorize(CARE_TEAM)
  @Operation(summary = "Acknowledge an intake safety alert: who took it on and when (intake-coordinator, nurse,"
      + " physician of its site; clinical-lead)")
  @ApiResponse(responseCode = "200", description = "Acknowledged")
  @ApiResponse(responseCode = "403", description = "Role not allowed")
  @ApiResponse(responseCode = "404", description = "Unknown alert, or another site's")
  @ApiResponse(responseCode = "409", description = "Already acknowledged (rule alert-already-acknowledged)")
  SafetyAlertView acknowledge(@PathVariable UUID alertId) {
    return alerts.acknowledge(alertId, Caller.current());
  }
}
