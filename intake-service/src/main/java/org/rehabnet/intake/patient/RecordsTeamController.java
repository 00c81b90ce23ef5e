package org.rehabnet.intake.patient;

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
import org.springframework.web.bind.annotation.RestController;

/** The records team's two doors: the possible-duplicate review list and linking a patient into a site. */
@RestController
@SecurityRequirement(name = "keycloak")
class RecordsTeamController {

  private final SiteLinks links;

  RecordsTeamController(SiteLinks links) {
    this.links = links;
  }

  @GetMapping("/v1/possible-duplicates")
  @PreAuthorize("hasRole('records-officer')")
  @Operation(summary = "Open possible duplicates, oldest first (at most 100): registrations or corrections that"
      + " matched a patient only at sites the registering user cannot read (records-officer; audited)")
  @ApiResponse(responseCode = "200", description = "The review items")
  @ApiResponse(responseCode = "403", description = "Role not allowed")
  List<PossibleDuplicateView> possibleDuplicates() {
    return links.openDuplicates();
  }

  @PostMapping("/v1/patients/{patientId}/site-links")
  @PreAuthorize("hasRole('records-officer')")
  @Operation(summary = "Make a patient known at a further site, so its staff may refer the patient and read"
      + " the identity and consents (records-officer, network-wide; audited)")
  @ApiResponse(responseCode = "201", description = "Linked; the patient's sites now include the site")
  @ApiResponse(responseCode = "400", description = "Invalid field, unknown site, or not an open possible"
      + " duplicate of this patient")
  @ApiResponse(responseCode = "403", description = "Role not allowed")
  @ApiResponse(responseCode = "404", description = "Unknown patient")
  @ApiResponse(responseCode = "409", description = "The patient is already known at the site")
  ResponseEntity<SiteLinkView> link(@PathVariable UUID patientId, @Valid @RequestBody LinkPatientToSite request) {
    SiteLinkView link = links.link(patientId, request, Caller.current());
    return ResponseEntity.created(URI.create("site-links/" + link.linkId())).body(link);
  }
}
