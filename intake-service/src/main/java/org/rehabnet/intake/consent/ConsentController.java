package org.rehabnet.intake.consent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/patients/{patientId}/consents")
@SecurityRequirement(name = "keycloak")
class ConsentController {

  private final ConsentService consents;

  ConsentController(ConsentService consents) {
    this.consents = consents;
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('intake-coordinator', 'physician')")
  @Operation(summary = "Record a signed consent to disclose (intake-coordinator, physician of the site);"
      + " publishes ConsentGranted")
  @ApiResponse(responseCode = "201", description = "Recorded")
  @ApiResponse(responseCode = "400", description = "A §2.31 element is missing or invalid, naming the field")
  @ApiResponse(responseCode = "403", description = "Role not allowed, or not one of the caller's sites")
  @ApiResponse(responseCode = "404", description = "Unknown patient, or not known at the caller's sites")
  ResponseEntity<ConsentView> grant(@PathVariable UUID patientId, @Valid @RequestBody GrantConsent request) {
    ConsentView consent = consents.grant(patientId, request, Caller.current());
    return ResponseEntity.created(URI.create("consents/" + consent.consentId())).body(consent);
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('intake-coordinator', 'physician', 'nurse', 'counsellor', 'clinical-lead')")
  @Operation(summary = "A patient's consents (staff of a site where the patient is known; clinical-lead)")
  @ApiResponse(responseCode = "404", description = "Unknown patient, or not known at the caller's sites")
  List<ConsentView> list(@PathVariable UUID patientId) {
    return consents.list(patientId, Caller.current());
  }

  @PostMapping("/{consentId}/revocation")
  @PreAuthorize("hasAnyRole('intake-coordinator', 'physician')")
  @Operation(summary = "Revoke a consent (intake-coordinator, physician of the consent's site);"
      + " publishes ConsentRevoked")
  @ApiResponse(responseCode = "404", description = "Unknown consent, or another site's")
  @ApiResponse(responseCode = "409", description = "Already revoked")
  ConsentView revoke(@PathVariable UUID patientId, @PathVariable UUID consentId) {
    return consents.revoke(patientId, consentId, Caller.current());
  }
}
