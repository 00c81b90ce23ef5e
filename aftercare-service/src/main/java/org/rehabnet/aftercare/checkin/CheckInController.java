package org.rehabnet.aftercare.checkin;

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
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/plans/{planId}")
@SecurityRequirement(name = "keycloak")
class CheckInController {

  private final CheckInService checkIns;

  CheckInController(CheckInService checkIns) {
    this.checkIns = checkIns;
  }

  @PostMapping("/check-ins")
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Record a recovery check-in (counsellor of the plan's site)")
  @ApiResponse(responseCode = "201", description = "Recorded; a PHQ-9 item 9 above 0 raises a follow-up task at once")
  @ApiResponse(responseCode = "400", description = "Invalid field, e.g. cravings outside 0-10")
  @ApiResponse(responseCode = "404", description = "Unknown plan, or another site's")
  ResponseEntity<CheckInService.CheckInView> record(@PathVariable UUID planId,
      @Valid @RequestBody RecordCheckIn request) {
    return ResponseEntity.status(201).body(checkIns.record(planId, request, Caller.current()));
  }

  @GetMapping("/check-ins")
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "The plan's check-ins in the order they were recorded, by default those recorded in the last "
      + "365 days in pages of 100 with X-Total-Count and Link rel=next (counsellor of its site, clinical lead)")
  @ApiResponse(responseCode = "400", description = "from, to, limit or cursor not valid, or a window over 731 days")
  @ApiResponse(responseCode = "404", description = "Unknown plan, or another site's")
  ResponseEntity<List<CheckInService.CheckInView>> checkIns(@PathVariable UUID planId,
      // A year by default: after the first month check-ins are monthly, then quarterly (about 20 a year).
      @Windowed(defaultSpan = "P365D", maxSpan = "P731D") Window window) {
    return Pages.respond(checkIns.ofPlan(planId, window, Caller.current()), window);
  }

  @GetMapping("/check-in-schedule")
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "The plan's check-in status and the due dates of its first year (counsellor of its site, "
      + "clinical lead)")
  @ApiResponse(responseCode = "404", description = "Unknown plan, or another site's")
  CheckInService.ScheduleView schedule(@PathVariable UUID planId) {
    return checkIns.schedule(planId, Caller.current());
  }

  @GetMapping("/follow-ups")
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "Open follow-up tasks of the plan: missed check-ins, self-harm risk (counsellor of its site, clinical lead)")
  List<FollowUpTasks.FollowUp> followUps(@PathVariable UUID planId) {
    return checkIns.followUps(planId, Caller.current());
  }

  @PostMapping("/follow-ups/{taskId}/done")
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Mark a follow-up task as done (counsellor of the plan's site)")
  @ApiResponse(responseCode = "204", description = "Done")
  @ApiResponse(responseCode = "404", description = "Unknown or already done, or another site's")
  ResponseEntity<Void> followUpDone(@PathVariable UUID planId, @PathVariable UUID taskId) {
    checkIns.followUpDone(planId, taskId, Caller.current());
    return ResponseEntity.noContent().build();
  }
}
