package org.rehabnet.intake.site;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Site administration of wards and beds: the site admin of the site, or a clinical lead of it. */
@RestController
@RequestMapping("/v1/sites/{site}")
@SecurityRequirement(name = "keycloak")
class WardController {

  private static final String STAFF =
      "hasAnyRole('intake-coordinator', 'physician', 'nurse', 'counsellor', 'site-admin', 'clinical-lead')";
  private static final String SITE_ADMINS = "hasAnyRole('site-admin', 'clinical-lead')";

  private final WardAdministration wards;

  WardController(WardAdministration wards) {
    this.wards = wards;
  }

  @GetMapping("/wards")
  @PreAuthorize(STAFF)
  @Operation(summary = "The site's wards with their number of beds and free beds (staff of the site; clinical-lead)")
  @ApiResponse(responseCode = "404", description = "Unknown site, or not one of the caller's sites")
  List<WardAdministration.WardView> wards(@PathVariable String site) {
    return wards.wards(site, Caller.current());
  }

  @PostMapping("/wards")
  @PreAuthorize(SITE_ADMINS)
  @Operation(summary = "Add a ward (site-admin or clinical-lead of the site); audited")
  @ApiResponse(responseCode = "201", description = "The ward, with no beds yet")
  @ApiResponse(responseCode = "400", description = "A code that is not 1 to 10 letters, digits or hyphens, or no name")
  @ApiResponse(responseCode = "403", description = "Role not allowed, or a site the caller only reads")
  @ApiResponse(responseCode = "404", description = "Unknown site, or not one of the caller's sites")
  @ApiResponse(responseCode = "409", description = "The site has a ward with this code (rule ward-exists)")
  ResponseEntity<WardAdministration.WardView> addWard(@PathVariable String site,
      @Valid @RequestBody WardRequests.AddWard request) {
    var ward = wards.addWard(site, request, Caller.current());
    return ResponseEntity.created(URI.create("/v1/sites/" + site + "/wards/" + ward.code())).body(ward);
  }

  @PutMapping("/wards/{ward}")
  @PreAuthorize(SITE_ADMINS)
  @Operation(summary = "Rename a ward (site-admin or clinical-lead of the site); audited with the old and new name")
  @ApiResponse(responseCode = "400", description = "No name, or a name over 80 characters")
  @ApiResponse(responseCode = "403", description = "Role not allowed, or a site the caller only reads")
  @ApiResponse(responseCode = "404", description = "Unknown site or ward, or not one of the caller's sites")
  WardAdministration.WardView renameWard(@PathVariable String site, @PathVariable String ward,
      @Valid @RequestBody WardRequests.RenameWard request) {
    return wards.renameWard(site, ward, request, Caller.current());
  }

  @PostMapping("/wards/{ward}/beds")
  @PreAuthorize(SITE_ADMINS)
  @Operation(summary = "Add a free bed to a ward (site-admin or clinical-lead of the site); audited")
  @ApiResponse(responseCode = "201", description = "The bed, FREE")
  @ApiResponse(responseCode = "400", description = "Not a bed code")
  @ApiResponse(responseCode = "403", description = "Role not allowed, or a site the caller only reads")
  @ApiResponse(responseCode = "404", description = "Unknown site or ward, or not one of the caller's sites")
  @ApiResponse(responseCode = "409", description = "The site has a bed with this code (rule bed-code-taken)")
  ResponseEntity<BedBoard.BedView> addBed(@PathVariable String site, @PathVariable String ward,
      @Valid @RequestBody WardRequests.AddBed request) {
    var bed = wards.addBed(site, ward, request, Caller.current());
    return ResponseEntity.created(URI.create("/v1/sites/" + site + "/beds/" + bed.code())).body(bed);
  }

  @PostMapping("/beds/{bedCode}/rename")
  @PreAuthorize(SITE_ADMINS)
  @Operation(summary = "Give a bed without a patient a new code (site-admin or clinical-lead of the site); audited"
      + " with the old and new code")
  @ApiResponse(responseCode = "200", description = "The bed under its new code")
  @ApiResponse(responseCode = "400", description = "Not a bed code")
  @ApiResponse(responseCode = "403", description = "Role not allowed, or a site the caller only reads")
  @ApiResponse(responseCode = "404", description = "Unknown site or bed, or not one of the caller's sites")
  @ApiResponse(responseCode = "409", description = "The bed holds a patient (rule bed-occupied), or the new code is"
      + " another bed's (rule bed-code-taken)")
  BedBoard.BedView renameBed(@PathVariable String site, @PathVariable String bedCode,
      @Valid @RequestBody WardRequests.RenameBed request) {
    return wards.renameBed(site, bedCode, request, Caller.current());
  }
}
