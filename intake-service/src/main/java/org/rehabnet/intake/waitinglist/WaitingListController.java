package org.rehabnet.intake.waitinglist;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "keycloak")
class WaitingListController {

  private final WaitingList waitingList;

  WaitingListController(WaitingList waitingList) {
    this.waitingList = waitingList;
  }

  @GetMapping("/v1/sites/{site}/waiting-list")
  @PreAuthorize("hasAnyRole('intake-coordinator', 'physician', 'nurse', 'counsellor', 'clinical-lead')")
  @Operation(summary = "Open referrals of a site by urgency (EMERGENCY, URGENT, ROUTINE), then arrival, with the"
      + " patient's name and MRN, the referral's status, days waiting in the site's time zone and whether the"
      + " assessment is done and whether an intake safety alert is open (staff of the site; clinical-lead)")
  @ApiResponse(responseCode = "403", description = "Role not allowed")
  @ApiResponse(responseCode = "404", description = "Unknown site, or not one of the caller's sites")
  List<WaitingListEntry> waitingList(@PathVariable String site) {
    return waitingList.of(site, Caller.current());
  }
}
