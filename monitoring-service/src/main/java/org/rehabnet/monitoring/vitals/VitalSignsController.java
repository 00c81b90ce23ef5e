package org.rehabnet.monitoring.vitals;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "keycloak")
class VitalSignsController {

  private final VitalSignsService vitals;

  VitalSignsController(VitalSignsService vitals) {
    this.vitals = vitals;
  }

  @PostMapping("/v1/episodes/{episodeId}/vital-signs")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('nurse')")
  @Operation(summary = "Chart a set of vital signs; NEWS2 is computed on the episode's SpO2 scale and stored with "
      + "LOINC codes; raises respiratory depression, deterioration and aspiration-risk alerts (nurse of its site)")
  @ApiResponse(responseCode = "400", description = "A value outside its plausible range, or diastolic not below systolic")
  @ApiResponse(responseCode = "404", description = "Unknown episode, or at a site that is not the caller's")
  @ApiResponse(responseCode = "409", description = "The episode is discharged")
  VitalSignsView chart(@PathVariable UUID episodeId, @Valid @RequestBody RecordVitalSigns request) {
    return vitals.chart(episodeId, request, Caller.current());
  }

  @PutMapping("/v1/episodes/{episodeId}/spo2-scale")
  @PreAuthorize("hasRole('physician')")
  @Operation(summary = "Set the NEWS2 SpO2 scale (SCALE_2 for documented hypercapnic respiratory failure) with the "
      + "reason; who and when are kept (physician of its site)")
  @ApiResponse(responseCode = "400", description = "No scale, or no reason")
  @ApiResponse(responseCode = "404", description = "Unknown episode, or at a site that is not the caller's")
  @ApiResponse(responseCode = "409", description = "The episode is discharged")
  Spo2ScaleView setScale(@PathVariable UUID episodeId, @Valid @RequestBody SetSpo2Scale request) {
    return vitals.setScale(episodeId, request, Caller.current());
  }

  @GetMapping("/v1/episodes/{episodeId}/spo2-scale")
  @PreAuthorize("hasAnyRole('nurse', 'physician', 'clinical-lead')")
  @Operation(summary = "The episode's SpO2 scale and its history (nurse, physician of its site; clinical lead)")
  @ApiResponse(responseCode = "404", description = "Unknown episode, or at a site that is not the caller's")
  Spo2ScaleView scale(@PathVariable UUID episodeId) {
    return vitals.scale(episodeId, Caller.current());
  }

  @GetMapping("/v1/episodes/{episodeId}/vital-signs")
  @PreAuthorize("hasAnyRole('nurse', 'physician', 'clinical-lead')")
  @Operation(summary = "Vital signs and NEWS2 of an episode, oldest first: the trend, by default the last 72 hours "
      + "in pages of 100 with X-Total-Count and Link rel=next (nurse, physician of its site; clinical lead)")
  @ApiResponse(responseCode = "400", description = "from, to, limit or cursor not valid, or a window over 31 days")
  @ApiResponse(responseCode = "404", description = "Unknown episode, or at a site that is not the caller's")
  ResponseEntity<List<VitalSignsView>> ofEpisode(@PathVariable UUID episodeId,
      @Windowed(defaultSpan = "PT72H") Window window) {
    return Pages.respond(vitals.ofEpisode(episodeId, window, Caller.current()), window);
  }
}
