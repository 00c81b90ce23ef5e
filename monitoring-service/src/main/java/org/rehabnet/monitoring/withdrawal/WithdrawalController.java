package org.rehabnet.monitoring.withdrawal;

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
class WithdrawalController {

  private final WithdrawalService withdrawal;
  private final HourlyWithdrawal hourly;

  WithdrawalController(WithdrawalService withdrawal, HourlyWithdrawal hourly) {
    this.withdrawal = withdrawal;
    this.hourly = hourly;
  }

  @PostMapping("/v1/episodes/{episodeId}/cows-assessments")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('nurse')")
  @Operation(summary = "Chart a COWS assessment: total and band; publishes WithdrawalAssessed (nurse of its site)")
  @ApiResponse(responseCode = "400", description = "An item value that is not one of that item's anchors")
  @ApiResponse(responseCode = "404", description = "Unknown episode, or at a site that is not the caller's")
  @ApiResponse(responseCode = "409", description = "The episode is discharged")
  WithdrawalViews.CowsView chartCows(@PathVariable UUID episodeId, @Valid @RequestBody RecordCows request) {
    return withdrawal.chartCows(episodeId, request, Caller.current());
  }

  @PostMapping("/v1/episodes/{episodeId}/observations")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('nurse')")
  @Operation(summary = "Chart sedation (POSS) and vomiting, insomnia, anxiety, breathing (nurse of its site)")
  @ApiResponse(responseCode = "400", description = "A missing field or a POSS other than S, 1-4")
  @ApiResponse(responseCode = "404", description = "Unknown episode, or at a site that is not the caller's")
  @ApiResponse(responseCode = "409", description = "The episode is discharged")
  WithdrawalViews.ObservationView observe(@PathVariable UUID episodeId,
      @Valid @RequestBody RecordObservation request) {
    return withdrawal.observe(episodeId, request, Caller.current());
  }

  @GetMapping("/v1/episodes/{episodeId}/withdrawal-trend")
  @PreAuthorize("hasAnyRole('nurse', 'physician', 'clinical-lead')")
  @Operation(summary = "COWS and observations in a window, oldest first, by default the last 72 hours, at most 31 "
      + "days; windowed, not paged (limit and cursor do not apply): the paged lists are cows-assessments and "
      + "observations (nurse, physician of its site; clinical lead)")
  @ApiResponse(responseCode = "400", description = "from or to not valid, or a window over 31 days")
  @ApiResponse(responseCode = "404", description = "Unknown episode, or at a site that is not the caller's")
  WithdrawalViews.Trend trend(@PathVariable UUID episodeId, @Windowed(defaultSpan = "PT72H") Window window) {
    return withdrawal.trend(episodeId, window, Caller.current());
  }

  @GetMapping("/v1/episodes/{episodeId}/withdrawal-trend/hourly")
  @PreAuthorize("hasAnyRole('nurse', 'physician', 'clinical-lead')")
  @Operation(summary = "The COWS trend downsampled by the database to clock hours (UTC): per hour the count, lowest, "
      + "highest and mean total; by default the last 7 days, at most 31 (nurse, physician of its site; clinical lead)")
  @ApiResponse(responseCode = "400", description = "from or to not valid, or a window over 31 days")
  @ApiResponse(responseCode = "404", description = "Unknown episode, or at a site that is not the caller's")
  HourlyWithdrawal.HourlyTrend hourlyTrend(@PathVariable UUID episodeId,
      @Windowed(defaultSpan = "P7D") Window window) {
    return hourly.of(episodeId, window, Caller.current());
  }

  @GetMapping("/v1/episodes/{episodeId}/cows-assessments")
  @PreAuthorize("hasAnyRole('nurse', 'physician', 'clinical-lead')")
  @Operation(summary = "COWS assessments, oldest first, by default the last 72 hours in pages of 100 with "
      + "X-Total-Count and Link rel=next (nurse, physician of its site; clinical lead)")
  @ApiResponse(responseCode = "400", description = "from, to, limit or cursor not valid, or a window over 31 days")
  @ApiResponse(responseCode = "404", description = "Unknown episode, or at a site that is not the caller's")
  ResponseEntity<List<WithdrawalViews.CowsView>> cows(@PathVariable UUID episodeId,
      @Windowed(defaultSpan = "PT72H") Window window) {
    return Pages.respond(withdrawal.cows(episodeId, window, Caller.current()), window);
  }

  @GetMapping("/v1/episodes/{episodeId}/observations")
  @PreAuthorize("hasAnyRole('nurse', 'physician', 'clinical-lead')")
  @Operation(summary = "Sedation (POSS) and symptom observations, oldest first, by default the last 72 hours in pages "
      + "of 100 with X-Total-Count and Link rel=next (nurse, physician of its site; clinical lead)")
  @ApiResponse(responseCode = "400", description = "from, to, limit or cursor not valid, or a window over 31 days")
  @ApiResponse(responseCode = "404", description = "Unknown episode, or at a site that is not the caller's")
  ResponseEntity<List<WithdrawalViews.ObservationView>> observations(@PathVariable UUID episodeId,
      @Windowed(defaultSpan = "PT72H") Window window) {
    return Pages.respond(withdrawal.observations(episodeId, window, Caller.current()), window);
  }
}
