package org.rehabnet.aftercare.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.net.URI;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/plans")
@SecurityRequirement(name = "keycloak")
class PlanController {

  private final PlanService plans;

  PlanController(PlanService plans) {
    this.plans = plans;
  }

  @PostMapping
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Open a plan by hand for an outpatient aftercare knows (counsellor of that site)")
  @ApiResponse(responseCode = "201", description = "Opened; AftercarePlanCreated is published")
  @ApiResponse(responseCode = "400", description = "Invalid field")
  @ApiResponse(responseCode = "403", description = "Role not allowed, or not one of the caller's sites")
  @ApiResponse(responseCode = "404", description = "Unknown patient")
  ResponseEntity<PlanView> open(@Valid @RequestBody OpenPlan request) {
    PlanView plan = plans.open(request, Caller.current());
    return ResponseEntity.created(URI.create("plans/" + plan.planId())).body(plan);
  }

  @GetMapping("/{planId}")
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "The whole plan (counsellor of its site, clinical lead)")
  @ApiResponse(responseCode = "404", description = "Unknown, or at a site that is not the caller's")
  PlanView find(@PathVariable UUID planId) {
    return plans.find(planId, Caller.current());
  }

  @GetMapping("/{planId}/summary")
  @PreAuthorize("hasAnyRole('counsellor', 'nurse', 'physician', 'clinical-lead')")
  @Operation(summary = "The plan summary: medication, naloxone, milestones (nurse, physician, counsellor of its site; clinical lead)")
  @ApiResponse(responseCode = "404", description = "Unknown, or at a site that is not the caller's")
  PlanSummary summary(@PathVariable UUID planId) {
    return plans.summary(planId, Caller.current());
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('counsellor', 'nurse', 'physician', 'clinical-lead')")
  @Operation(summary = "A patient's plans, as summaries (nurse, physician, counsellor of their sites; clinical lead)")
  List<PlanSummary> ofPatient(@RequestParam UUID patientId) {
    return plans.ofPatient(patientId, Caller.current());
  }

  @PutMapping("/{planId}")
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Revise goals, relapse-prevention items, counsellor and naloxone status (counsellor of its site)")
  @ApiResponse(responseCode = "403", description = "Role not allowed, or not one of the caller's sites")
  @ApiResponse(responseCode = "404", description = "Unknown, or at a site that is not the caller's")
  @ApiResponse(responseCode = "412", description = "The plan changed since the given version")
  PlanView revise(@PathVariable UUID planId, @Valid @RequestBody RevisePlan request) {
    return plans.revise(planId, request, Caller.current());
  }

  @PostMapping("/{planId}/counselling-notes")
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Write an individual counselling note (counsellor of the patient's site)")
  @ApiResponse(responseCode = "201", description = "Written")
  @ApiResponse(responseCode = "404", description = "Unknown, or at a site that is not the caller's")
  ResponseEntity<CounsellingNote.View> writeNote(@PathVariable UUID planId, @Valid @RequestBody WriteNote request) {
    return ResponseEntity.status(201).body(plans.writeNote(planId, request, Caller.current()));
  }

  @GetMapping("/{planId}/counselling-notes")
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Individual counselling notes, oldest first, by default those written in the last 365 days in "
      + "pages of 100 with X-Total-Count and Link rel=next (only counsellors of the patient's site)")
  @ApiResponse(responseCode = "400", description = "from, to, limit or cursor not valid, or a window over 731 days")
  @ApiResponse(responseCode = "404", description = "Unknown, or not a counsellor of the patient's site")
  ResponseEntity<List<CounsellingNote.View>> notes(@PathVariable UUID planId,
      @Windowed(defaultSpan = "P365D", maxSpan = "P731D") Window window) {
    return Pages.respond(plans.notes(planId, window, Caller.current()), window);
  }
}
