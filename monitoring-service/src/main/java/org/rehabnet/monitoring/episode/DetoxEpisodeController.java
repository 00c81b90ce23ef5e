package org.rehabnet.monitoring.episode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.util.UUID;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "keycloak")
class DetoxEpisodeController {

  private final DetoxEpisodeService episodes;

  DetoxEpisodeController(DetoxEpisodeService episodes) {
    this.episodes = episodes;
  }

  @GetMapping("/v1/admissions/{admissionId}/episode")
  @PreAuthorize("hasAnyRole('nurse', 'physician', 'counsellor', 'clinical-lead')")
  @Operation(summary = "The detox episode opened for an admission (nurse, physician, counsellor of its site; clinical lead)")
  @ApiResponse(responseCode = "404", description = "No episode yet, or at a site that is not the caller's")
  EpisodeView byAdmission(@PathVariable UUID admissionId) {
    return episodes.byAdmission(admissionId, Caller.current());
  }

  @GetMapping("/v1/episodes/{episodeId}")
  @PreAuthorize("hasAnyRole('nurse', 'physician', 'counsellor', 'clinical-lead')")
  @Operation(summary = "A detox episode (nurse, physician, counsellor of its site; clinical lead)")
  @ApiResponse(responseCode = "404", description = "Unknown, or at a site that is not the caller's")
  EpisodeView byId(@PathVariable UUID episodeId) {
    return episodes.byId(episodeId, Caller.current());
  }

  @PostMapping("/v1/episodes/{episodeId}/discharge")
  @PreAuthorize("hasRole('physician')")
  @Operation(summary = "Discharge the patient: type, naloxone, overdose education, medication plan (physician of its "
      + "site); publishes PatientDischarged")
  @ApiResponse(responseCode = "400", description = "A missing field, or no reason when naloxone is not provided")
  @ApiResponse(responseCode = "404", description = "Unknown, or at a site that is not the caller's")
  @ApiResponse(responseCode = "409", description = "Already discharged")
  @ApiResponse(responseCode = "412", description = "expectedVersion is not the episode's version")
  EpisodeView discharge(@PathVariable UUID episodeId, @Valid @RequestBody DischargePatient request) {
    return episodes.discharge(episodeId, request, Caller.current());
  }
}
