package org.rehabnet.monitoring.medication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.rehabnet.platform.web.paging.Pages;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.paging.Windowed;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "keycloak")
class MedicationController {

  private final MedicationService medication;

  MedicationController(MedicationService medication) {
    this.medication = medication;
  }

  @PostMapping("/v1/episodes/{episodeId}/medication-orders")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('physician')")
  @Operation(summary = "Order a drug: a fixed doseMg or a PRN range doseMinMg..doseMaxMg, and the route; a "
      + "buprenorphine order may carry documentedDayOneMaxMg (12-16 mg) with documentation where the site allows it "
      + "(physician of its site)")
  @ApiResponse(responseCode = "400", description = "Both or neither dose forms, an incomplete or inverted range, more "
      + "than two decimals, a documented maximum without documentation")
  @ApiResponse(responseCode = "404", description = "Unknown episode, or at a site that is not the caller's")
  @ApiResponse(responseCode = "409", description = "The episode is discharged")
  @ApiResponse(responseCode = "422", description = "unsafe-dose: OTP_REQUIRED (methadone at a site that is not an "
      + "opioid treatment program), SITE_NOT_CONFIGURED, BUPRENORPHINE_HARD_MAXIMUM, DOCUMENTED_DAY_ONE_MAXIMUM")
  MedicationViews.OrderView order(@PathVariable UUID episodeId, @Valid @RequestBody OrderMedication request) {
    return medication.order(episodeId, request, Caller.current());
  }

  @PostMapping("/v1/episodes/{episodeId}/medication-orders/{orderId}/stop")
  @PreAuthorize("hasRole('physician')")
  @Operation(summary = "Stop an order (physician of its site)")
  @ApiResponse(responseCode = "409", description = "Already stopped, or the episode is discharged")
  @ApiResponse(responseCode = "412", description = "expectedVersion is not the order's version")
  MedicationViews.OrderView stop(@PathVariable UUID episodeId, @PathVariable UUID orderId,
      @Valid @RequestBody StopOrder request) {
    return medication.stop(episodeId, orderId, request, Caller.current());
  }

  @GetMapping("/v1/episodes/{episodeId}/medication-orders")
  @PreAuthorize("hasAnyRole('nurse', 'physician', 'clinical-lead')")
  @Operation(summary = "An episode's orders (nurse, physician of its site; clinical lead)")
  List<MedicationViews.OrderView> orders(@PathVariable UUID episodeId) {
    return medication.orders(episodeId, Caller.current());
  }

  @PostMapping("/v1/episodes/{episodeId}/administrations")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('nurse', 'physician')")
  @Operation(summary = "Give a dose against an order: the drug, dose and route given are checked against the order "
      + "and the site's dosing policy (nurse or physician of its site; overrideReason: physician only, for "
      + "overridable rules)")
  @ApiResponse(responseCode = "400", description = "A missing drug, dose or route, or a dose with more than two "
      + "decimals")
  @ApiResponse(responseCode = "403", description = "An override by someone who is not a physician")
  @ApiResponse(responseCode = "404", description = "Unknown episode or order, or at a site that is not the caller's")
  @ApiResponse(responseCode = "409", description = "The episode is discharged")
  @ApiResponse(responseCode = "422", description = "unsafe-dose: rule names the first rule broken, rules all, "
      + "overridable whether a physician's reason may set them aside, warnings, missingObservations")
  MedicationViews.AdministrationView administer(@PathVariable UUID episodeId,
      @Valid @RequestBody AdministerDose request) {
    return medication.administer(episodeId, request, Caller.current());
  }

  @GetMapping("/v1/episodes/{episodeId}/administrations")
  @PreAuthorize("hasAnyRole('nurse', 'physician', 'clinical-lead')")
  @Operation(summary = "The medication administration record, oldest first, by default the last 72 hours in pages "
      + "of 100 with X-Total-Count and Link rel=next (nurse, physician of its site; clinical lead)")
  @ApiResponse(responseCode = "400", description = "from, to, limit or cursor not valid, or a window over 31 days")
  @ApiResponse(responseCode = "404", description = "Unknown episode, or at a site that is not the caller's")
  ResponseEntity<List<MedicationViews.AdministrationView>> mar(@PathVariable UUID episodeId,
      @Windowed(defaultSpan = "PT72H") Window window) {
    return Pages.respond(medication.mar(episodeId, window, Caller.current()), window);
  }
}
