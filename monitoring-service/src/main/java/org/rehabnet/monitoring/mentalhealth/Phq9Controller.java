package org.rehabnet.monitoring.mentalhealth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "keycloak")
class Phq9Controller {

  private final Phq9Service phq9;

  Phq9Controller(Phq9Service phq9) {
    this.phq9 = phq9;
  }

  @PostMapping("/v1/episodes/{episodeId}/phq9-screenings")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('nurse', 'physician', 'counsellor')")
  @Operation(summary = "Re-screen depression with the PHQ-9 (nine items 0-3): total and band; item 9 above 0 raises "
      + "SELF_HARM_RISK whatever the total (nurse, physician, counsellor of its site)")
  @ApiResponse(responseCode = "400", description = "Not nine items, or an item outside 0-3")
  @ApiResponse(responseCode = "404", description = "Unknown episode, or at a site that is not the caller's")
  @ApiResponse(responseCode = "409", description = "The episode is discharged")
  Phq9View screen(@PathVariable UUID episodeId, @Valid @RequestBody RecordPhq9 request) {
    return phq9.screen(episodeId, request, Caller.current());
  }

  @GetMapping("/v1/episodes/{episodeId}/phq9-screenings")
  @PreAuthorize("hasAnyRole('nurse', 'physician', 'counsellor', 'clinical-lead')")
  @Operation(summary = "The PHQ-9 trend of the stay, oldest first (nurse, physician, counsellor of its site; "
      + "clinical lead)")
  @ApiResponse(responseCode = "404", description = "Unknown episode, or at a site that is not the caller's")
  List<Phq9View> trend(@PathVariable UUID episodeId) {
    return phq9.trend(episodeId, Caller.current());
  }
}
