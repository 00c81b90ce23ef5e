package org.rehabnet.intake.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.util.UUID;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/referrals/{referralId}/assessment")
@SecurityRequirement(name = "keycloak")
class AssessmentController {

  private final AssessmentService assessments;

  AssessmentController(AssessmentService assessments) {
    this.assessments = assessments;
  }

  @PutMapping
  @PreAuthorize("hasAnyRole('intake-coordinator', 'physician')")
  @Operation(summary = "Record or replace the pre-admission assessment of an open referral (intake-coordinator,"
      + " physician of its site); severity, scores, BMI, UDS flags and expected length are computed")
  @ApiResponse(responseCode = "201", description = "First assessment of the referral")
  @ApiResponse(responseCode = "200", description = "Assessment replaced (a physician's length override is kept)")
  @ApiResponse(responseCode = "400", description = "Out-of-range value (PHQ-9 item 4, height 20 cm, last use in"
      + " the future ...), naming the field")
  @ApiResponse(responseCode = "404", description = "Unknown referral, or at a site that is not the caller's")
  @ApiResponse(responseCode = "409", description = "The referral is admitted, declined or withdrawn")
  ResponseEntity<AssessmentView> record(@PathVariable UUID referralId, @Valid @RequestBody RecordAssessment request) {
    var recorded = assessments.record(referralId, request, Caller.current());
    return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.view());
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('intake-coordinator', 'physician', 'nurse', 'counsellor', 'clinical-lead')")
  @Operation(summary = "Read the assessment of a referral (staff of its site; clinical-lead)")
  @ApiResponse(responseCode = "404", description = "No assessment, unknown referral, or another site's")
  AssessmentView find(@PathVariable UUID referralId) {
    return assessments.find(referralId, Caller.current());
  }

  @PostMapping("/preview")
  @PreAuthorize("hasAnyRole('intake-coordinator', 'physician')")
  @Operation(summary = "Compute an assessment as far as it is typed (DSM-5 severity, PHQ-9, GAD-7, BMI, UDS flags,"
      + " expected length at the referral's site) without storing it; scores with unanswered items are null")
  @ApiResponse(responseCode = "400", description = "A value present is out of its range, naming the field")
  @ApiResponse(responseCode = "404", description = "Unknown referral, or at a site that is not the caller's")
  AssessmentPreview preview(@PathVariable UUID referralId, @Valid @RequestBody AssessmentDraft draft) {
    return assessments.preview(referralId, draft, Caller.current());
  }

  @PostMapping("/length-override")
  @PreAuthorize("hasRole('physician')")
  @Operation(summary = "Override the expected detox length, with a reason (physician of the referral's site only)")
  @ApiResponse(responseCode = "400", description = "Days outside 1–30 or no reason")
  @ApiResponse(responseCode = "403", description = "Not a physician, or not one of the caller's sites")
  @ApiResponse(responseCode = "404", description = "No assessment yet, or another site's referral")
  AssessmentView overrideLength(@PathVariable UUID referralId, @Valid @RequestBody OverrideLength request) {
    return assessments.overrideLength(referralId, request, Caller.current());
  }
}
