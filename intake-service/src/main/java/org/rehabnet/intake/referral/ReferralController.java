package org.rehabnet.intake.referral;

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
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "keycloak")
class ReferralController {

  private static final String WRITERS = "hasAnyRole('intake-coordinator', 'physician')";
  private static final String READERS =
      "hasAnyRole('intake-coordinator', 'physician', 'nurse', 'counsellor', 'clinical-lead')";

  private final ReferralService referrals;

  ReferralController(ReferralService referrals) {
    this.referrals = referrals;
  }

  @PostMapping("/v1/referrals")
  @PreAuthorize(WRITERS)
  @Operation(summary = "Refer a registered patient to a site (intake-coordinator, physician of that site)")
  @ApiResponse(responseCode = "201", description = "Referral opened with status NEW")
  @ApiResponse(responseCode = "400", description = "Invalid field, unknown site or patient, or source READMISSION")
  @ApiResponse(responseCode = "403", description = "Role not allowed, or not one of the caller's sites")
  ResponseEntity<ReferralView> open(@Valid @RequestBody OpenReferral request) {
    ReferralView referral = referrals.open(request, Caller.current());
    return ResponseEntity.created(URI.create("referrals/" + referral.referralId())).body(referral);
  }

  @GetMapping("/v1/referrals/{referralId}")
  @PreAuthorize(READERS)
  @Operation(summary = "Read a referral (staff of its site; clinical-lead)")
  @ApiResponse(responseCode = "404", description = "Unknown, or at a site that is not the caller's")
  ReferralView find(@PathVariable UUID referralId) {
    return referrals.find(referralId, Caller.current());
  }

  @PostMapping("/v1/referrals/{referralId}/screening")
  @PreAuthorize(WRITERS)
  @Operation(summary = "Start screening a NEW referral (intake-coordinator, physician of its site)")
  @ApiResponse(responseCode = "404", description = "Unknown, or at a site that is not the caller's")
  @ApiResponse(responseCode = "409", description = "The referral is not NEW")
  ReferralView startScreening(@PathVariable UUID referralId) {
    return referrals.startScreening(referralId, Caller.current());
  }

  @PostMapping("/v1/referrals/{referralId}/acceptance")
  @PreAuthorize(WRITERS)
  @Operation(summary = "Accept a referral in SCREENING (intake-coordinator, physician of its site)")
  @ApiResponse(responseCode = "404", description = "Unknown, or at a site that is not the caller's")
  @ApiResponse(responseCode = "409", description = "The referral is not in SCREENING")
  ReferralView accept(@PathVariable UUID referralId) {
    return referrals.accept(referralId, Caller.current());
  }

  @PostMapping("/v1/referrals/{referralId}/decline")
  @PreAuthorize(WRITERS)
  @Operation(summary = "Decline a referral in SCREENING, with a reason (intake-coordinator, physician of its site)")
  @ApiResponse(responseCode = "400", description = "No reason given")
  @ApiResponse(responseCode = "404", description = "Unknown, or at a site that is not the caller's")
  @ApiResponse(responseCode = "409", description = "The referral is not in SCREENING")
  ReferralView decline(@PathVariable UUID referralId, @Valid @RequestBody DeclineReferral request) {
    return referrals.decline(referralId, request.reason(), Caller.current());
  }

  @PostMapping("/v1/referrals/{referralId}/withdrawal")
  @PreAuthorize(WRITERS)
  @Operation(summary = "Withdraw a referral that is NEW, SCREENING or ACCEPTED (intake-coordinator, physician)")
  @ApiResponse(responseCode = "404", description = "Unknown, or at a site that is not the caller's")
  @ApiResponse(responseCode = "409", description = "The referral is already declined, admitted or withdrawn")
  ReferralView withdraw(@PathVariable UUID referralId) {
    return referrals.withdraw(referralId, Caller.current());
  }
}
