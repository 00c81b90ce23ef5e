package org.rehabnet.intake.patient;

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
@RequestMapping("/v1/patients")
@SecurityRequirement(name = "keycloak")
class PatientController {

  private final PatientRegistry registry;

  PatientController(PatientRegistry registry) {
    this.registry = registry;
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('intake-coordinator', 'physician')")
  @Operation(summary = "Register a person with the network (intake-coordinator, physician of the registering site)")
  @ApiResponse(responseCode = "201", description = "Registered; PatientRegistered is published")
  @ApiResponse(responseCode = "400", description = "Invalid field, unknown site or malformed JSON")
  @ApiResponse(responseCode = "403", description = "Role not allowed, or not one of the caller's sites")
  @ApiResponse(responseCode = "409", description = "Already registered: the problem's existingPatientId names them")
  ResponseEntity<PatientView> register(@Valid @RequestBody RegisterPatient request) {
    PatientView patient = registry.register(request, Caller.current());
    return ResponseEntity.created(URI.create("patients/" + patient.patientId())).body(patient);
  }

  @GetMapping("/{patientId}")
  @PreAuthorize("hasAnyRole('intake-coordinator', 'physician', 'nurse', 'counsellor', 'clinical-lead')")
  @Operation(summary = "Read a patient's identity (staff of a site where the patient is known; clinical-lead)")
  @ApiResponse(responseCode = "404", description = "Unknown, or not known at any of the caller's sites")
  PatientView find(@PathVariable UUID patientId) {
    return registry.find(patientId, Caller.current());
  }
}
