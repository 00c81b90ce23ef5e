package org.rehabnet.aftercare.relapse;

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
@RequestMapping("/v1/plans/{planId}/relapses")
@SecurityRequirement(name = "keycloak")
class RelapseController {

  private final RelapseService relapses;

  RelapseController(RelapseService relapses) {
    this.relapses = relapses;
  }

  @PostMapping
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Report a lapse or relapse (counsellor of the plan's site): the plan stays open; outreach is "
      + "due within the site's relapse window (default 24 h), or its urgent window (default 1 h) for an overdose, "
      + "naloxone used or urgency EMERGENCY, which also alerts the counsellor and the clinical lead; naloxone used "
      + "opens a resupply task; RelapseReported and, if wanted, ReadmissionRequested are published. Send an "
      + "Idempotency-Key to retry safely: a retry gets the original answer and publishes nothing again.")
  @ApiResponse(responseCode = "201", description = "Reported (or the original answer to a retried request)")
  @ApiResponse(responseCode = "400", description = "Invalid field, e.g. an unknown substance code or occurredOn "
      + "after today at the plan's site")
  @ApiResponse(responseCode = "404", description = "Unknown plan, or another site's")
  @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
  ResponseEntity<RelapseView> report(@PathVariable UUID planId, @Valid @RequestBody ReportRelapse request) {
    return ResponseEntity.status(201).body(relapses.report(planId, request, Caller.current()));
  }

  @PostMapping("/outreach/{taskId}/done")
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Mark the outreach after a report as done (counsellor of the plan's site)")
  @ApiResponse(responseCode = "404", description = "Unknown plan or task, or another site's")
  Outreach.OpenOutreach outreachDone(@PathVariable UUID planId, @PathVariable UUID taskId) {
    return relapses.outreachDone(planId, taskId, Caller.current());
  }

  @PostMapping("/naloxone-resupply/{taskId}/done")
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "A new naloxone kit was handed over after one was used (counsellor of the plan's site): the "
      + "task is done and, once no kit is owed, the plan's naloxone status is PROVIDED again")
  @ApiResponse(responseCode = "404", description = "Unknown plan or task, or another site's")
  Outreach.OpenResupply naloxoneResupplied(@PathVariable UUID planId, @PathVariable UUID taskId) {
    return relapses.naloxoneResupplied(planId, taskId, Caller.current());
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "The plan's lapse and relapse reports, oldest first, by default those reported in the last "
      + "365 days in pages of 100 with X-Total-Count and Link rel=next (counsellor of its site, clinical lead)")
  @ApiResponse(responseCode = "400", description = "from, to, limit or cursor not valid, or a window over 731 days")
  @ApiResponse(responseCode = "404", description = "Unknown plan, or another site's")
  ResponseEntity<List<RelapseView>> ofPlan(@PathVariable UUID planId,
      // A year by default: a plan's reports come weeks apart, and a counsellor looks back over the year.
      @Windowed(defaultSpan = "P365D", maxSpan = "P731D") Window window) {
    return Pages.respond(relapses.ofPlan(planId, window, Caller.current()), window);
  }
}
