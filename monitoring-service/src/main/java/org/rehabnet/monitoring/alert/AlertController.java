package org.rehabnet.monitoring.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.UUID;
import org.rehabnet.platform.web.paging.Pages;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.paging.Windowed;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "keycloak")
class AlertController {

  private final Alerts alerts;

  AlertController(Alerts alerts) {
    this.alerts = alerts;
  }

  @GetMapping("/v1/episodes/{episodeId}/alerts")
  @PreAuthorize("hasAnyRole('nurse', 'physician', 'clinical-lead')")
  @Operation(summary = "Alerts on an episode's chart, newest first, by default the last 31 days in pages of 100 with "
      + "X-Total-Count and Link rel=next (nurse, physician of its site; clinical lead)")
  @ApiResponse(responseCode = "400", description = "from, to, limit or cursor not valid, or a window over 31 days")
  @ApiResponse(responseCode = "404", description = "Unknown episode, or at a site that is not the caller's")
  ResponseEntity<List<AlertView>> ofEpisode(@PathVariable UUID episodeId,
      // The widest window by default: an alert nobody acknowledged must not drop off a chart because
      // a shorter window closed on it (detox episodes last days, rarely weeks).
      @Windowed(defaultSpan = "P31D") Window window) {
    return Pages.respond(alerts.ofEpisode(episodeId, window, Caller.current()), window);
  }

  @PostMapping("/v1/alerts/{alertId}/acknowledgement")
  @PreAuthorize("hasAnyRole('nurse', 'physician')")
  @Operation(summary = "Acknowledge an alert; records who and when (nurse, physician of its site)")
  @ApiResponse(responseCode = "404", description = "Unknown, or at a site that is not the caller's")
  @ApiResponse(responseCode = "409", description = "Already acknowledged")
  AlertView acknowledge(@PathVariable UUID alertId) {
    return alerts.acknowledge(alertId, Caller.current());
  }
}
