package org.rehabnet.intake.patient;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.intake.web.ExpectedVersion;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    return ResponseEntity.created(URI.create("patients/" + patient.patientId()))
        .eTag(ExpectedVersion.etag(patient.version())).body(patient);
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('intake-coordinator', 'nurse', 'physician', 'counsellor', 'site-admin', 'clinical-lead')")
  @Operation(summary = "Find patients of the caller's sites by exact MRN, exact birth date (yyyy-MM-dd) or the"
      + " start of a given or family name (at least 3 letters; case and accents ignored). Intake-coordinator,"
      + " nurse, physician, counsellor, site-admin of their sites; clinical-lead across sites. Every search is"
      + " audited with the ids returned, never the text searched")
  @ApiResponse(responseCode = "200", description = "A page {items, page, size, totalItems}; other sites' patients"
      + " are simply not found")
  @ApiResponse(responseCode = "400", description = "No q, a name shorter than 3 letters, an impossible date,"
      + " page below 0 or size outside 1..50 (naming the parameter)")
  @ApiResponse(responseCode = "403", description = "Role not allowed")
  PatientSearchResult search(
      @Parameter(description = "MRN, birth date or the start of a name") @RequestParam(required = false)
      @Nullable String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return registry.search(PatientQuery.parse(q), page, size, Caller.current());
  }

  @GetMapping("/{patientId}")
  @PreAuthorize("hasAnyRole('intake-coordinator', 'physician', 'nurse', 'counsellor', 'site-admin', 'clinical-lead')")
  @Operation(summary = "Read a patient's identity (staff of a site where the patient is known; clinical-lead);"
      + " the ETag is the version a correction sends back")
  @ApiResponse(responseCode = "200", description = "The identity, the caller's sites where the patient is known,"
      + " and the version")
  @ApiResponse(responseCode = "403", description = "Role not allowed")
  @ApiResponse(responseCode = "404", description = "Unknown, or not known at any of the caller's sites")
  ResponseEntity<PatientView> find(@PathVariable UUID patientId) {
    PatientView patient = registry.find(patientId, Caller.current());
    return ResponseEntity.ok().eTag(ExpectedVersion.etag(patient.version())).body(patient);
  }

  @PutMapping("/{patientId}")
  @PreAuthorize("hasAnyRole('intake-coordinator', 'site-admin')")
  @Operation(summary = "Correct a patient's given and family name, birth date and administrative gender (not the"
      + " MRN), with the version read in If-Match or expectedVersion (intake-coordinator, site-admin of a site"
      + " where the patient is known). Publishes PatientDetailsCorrected; each field's old and new value is kept"
      + " in the correction history")
  @ApiResponse(responseCode = "200", description = "Corrected (or unchanged when every value was the same)")
  @ApiResponse(responseCode = "400", description = "Invalid field, or no version given")
  @ApiResponse(responseCode = "403", description = "Role not allowed, or not a site the caller works at")
  @ApiResponse(responseCode = "404", description = "Unknown, or not known at any of the caller's sites")
  @ApiResponse(responseCode = "409", description = "The corrected identity is another registered patient's"
      + " (existingPatientId names them)")
  @ApiResponse(responseCode = "412", description = "The patient changed since the given version")
  ResponseEntity<PatientView> correct(@PathVariable UUID patientId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody CorrectPatient request) {
    long expected = ExpectedVersion.resolve(ifMatch, request.expectedVersion());
    PatientView patient = registry.correct(patientId, request, expected, Caller.current());
    return ResponseEntity.ok().eTag(ExpectedVersion.etag(patient.version())).body(patient);
  }
}
