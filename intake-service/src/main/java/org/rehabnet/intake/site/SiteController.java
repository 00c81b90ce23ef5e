package org.rehabnet.intake.site;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.util.List;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's sites, and the beds and capacity of a site. No patient data: a bed shows only its state. */
@RestController
@RequestMapping("/v1/sites")
@SecurityRequirement(name = "keycloak")
class SiteController {

  private static final String STAFF =
      "hasAnyRole('intake-coordinator', 'physician', 'nurse', 'counsellor', 'site-admin', 'clinical-lead')";
  private static final String BED_KEEPERS = "hasAnyRole('site-admin', 'intake-coordinator')";

  private final Sites sites;
  private final BedBoard board;

  SiteController(Sites sites, BedBoard board) {
    this.sites = sites;
    this.board = board;
  }

  @GetMapping
  @PreAuthorize(STAFF)
  @Operation(summary = "The caller's sites: code, name, IANA time zone, OTP certification (every site for the"
      + " clinical lead)")
  @ApiResponse(responseCode = "403", description = "Role not allowed")
  List<Sites.SiteView> mySites() {
    return sites.visibleTo(Caller.current());
  }

  @GetMapping("/{site}/beds")
  @PreAuthorize(STAFF)
  @Operation(summary = "List the beds of a site with their status and, for beds out of service, since when and"
      + " why (intake-coordinator, physician, nurse, counsellor, site-admin of the site; clinical-lead)")
  @ApiResponse(responseCode = "403", description = "Role not allowed")
  @ApiResponse(responseCode = "404", description = "Unknown site, or not one of the caller's sites")
  List<BedBoard.BedView> beds(@PathVariable String site) {
    return board.beds(site, Caller.current());
  }

  @GetMapping("/{site}/capacity")
  @PreAuthorize(STAFF)
  @Operation(summary = "Beds of a site by status (same roles as the bed list)")
  @ApiResponse(responseCode = "403", description = "Role not allowed")
  @ApiResponse(responseCode = "404", description = "Unknown site, or not one of the caller's sites")
  BedBoard.CapacityView capacity(@PathVariable String site) {
    return board.capacity(site, Caller.current());
  }

  @PostMapping("/{site}/beds/{bedCode}/out-of-service")
  @PreAuthorize(BED_KEEPERS)
  @Operation(summary = "Take a free bed out of service, with a reason (site-admin, intake-coordinator of the site);"
      + " admissions never take it until it is back in service")
  @ApiResponse(responseCode = "200", description = "The bed, now OUT_OF_SERVICE with since and reason")
  @ApiResponse(responseCode = "400", description = "No reason, or a reason over 300 characters")
  @ApiResponse(responseCode = "403", description = "Role not allowed")
  @ApiResponse(responseCode = "404", description = "Unknown site or bed, or not one of the caller's sites")
  @ApiResponse(responseCode = "409", description = "The bed is occupied (rule bed-occupied) or already out of"
      + " service (rule bed-out-of-service)")
  BedBoard.BedView outOfService(@PathVariable String site, @PathVariable String bedCode,
      @Valid @RequestBody TakeBedOutOfService request) {
    return board.takeOutOfService(site, bedCode, request.reason(), Caller.current());
  }

  @PostMapping("/{site}/beds/{bedCode}/in-service")
  @PreAuthorize(BED_KEEPERS)
  @Operation(summary = "Put an out-of-service bed back into service (site-admin, intake-coordinator of the site)")
  @ApiResponse(responseCode = "200", description = "The bed, now FREE")
  @ApiResponse(responseCode = "403", description = "Role not allowed")
  @ApiResponse(responseCode = "404", description = "Unknown site or bed, or not one of the caller's sites")
  @ApiResponse(responseCode = "409", description = "The bed is not out of service (rule bed-in-service, or"
      + " bed-occupied)")
  BedBoard.BedView inService(@PathVariable String site, @PathVariable String bedCode) {
    return board.returnToService(site, bedCode, Caller.current());
  }
}
