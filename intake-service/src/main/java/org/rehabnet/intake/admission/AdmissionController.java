package org.rehabnet.intake.admission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.net.URI;
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
@RequestMapping("/v1/admissions")
@SecurityRequirement(name = "keycloak")
class AdmissionController {

  private final AdmissionService service;

  AdmissionController(AdmissionService service) {
    this.service = service;
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('intake-coordinator', 'physician')")
  @Operation(summary = "Admit the patient of an accepted referral with a complete assessment to the free bed"
      + " named by bedCode, or without it to the site's first free bed (intake-coordinator, physician of the"
      + " referral's site). A bed out of service is never taken")
  @ApiResponse(responseCode = "201", description = "Admitted to a bed; AdmissionRecorded is published")
  @ApiResponse(responseCode = "400", description = "No referralId, a bedCode that is no bed of the site, or"
      + " malformed JSON")
  @ApiResponse(responseCode = "403", description = "Role not allowed, or not one of the caller's sites")
  @ApiResponse(responseCode = "404", description = "Unknown referral, or another site's")
  @ApiResponse(responseCode = "409", description = "No free bed at the site (rule site-full), the chosen bed is"
      + " occupied (rule bed-occupied) or out of service (rule bed-out-of-service)")
  @ApiResponse(responseCode = "422", description = "Referral not ACCEPTED, or no complete assessment")
  ResponseEntity<AdmissionView> admit(@Valid @RequestBody AdmitFromReferral request) {
    AdmissionView admission = service.admit(request, Caller.current());
    return ResponseEntity.created(URI.create("admissions/" + admission.admissionId())).body(admission);
  }

  @GetMapping("/{admissionId}")
  @PreAuthorize("hasAnyRole('intake-coordinator', 'physician', 'nurse', 'counsellor', 'clinical-lead')")
  @Operation(summary = "Read an admission (staff of its site, clinical lead)")
  @ApiResponse(responseCode = "404", description = "Unknown, or at a site that is not the caller's")
  AdmissionView find(@PathVariable UUID admissionId) {
    return service.find(admissionId, Caller.current());
  }
}
