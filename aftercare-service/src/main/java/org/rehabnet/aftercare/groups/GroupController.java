package org.rehabnet.aftercare.groups;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.rehabnet.aftercare.groups.GroupRequests.Enrol;
import org.rehabnet.aftercare.groups.GroupRequests.OpenSession;
import org.rehabnet.aftercare.groups.GroupRequests.RecordAttendance;
import org.rehabnet.aftercare.groups.GroupRequests.StartGroup;
import org.rehabnet.aftercare.groups.GroupRequests.WriteGroupNote;
import org.rehabnet.aftercare.groups.GroupViews.EnrolmentView;
import org.rehabnet.aftercare.groups.GroupViews.GroupView;
import org.rehabnet.aftercare.groups.GroupViews.ScheduledSession;
import org.rehabnet.aftercare.groups.GroupViews.SessionView;
import org.rehabnet.platform.web.paging.Pages;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.paging.Windowed;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/groups")
@SecurityRequirement(name = "keycloak")
class GroupController {

  private final GroupService groups;

  GroupController(GroupService groups) {
    this.groups = groups;
  }

  @PostMapping
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Start a support group with a recurring schedule (counsellor of that site)")
  @ApiResponse(responseCode = "201", description = "Started")
  @ApiResponse(responseCode = "400", description = "Invalid field")
  @ApiResponse(responseCode = "403", description = "Role not allowed, or not one of the caller's sites")
  ResponseEntity<GroupView> start(@Valid @RequestBody StartGroup request) {
    GroupView group = groups.start(request, Caller.current());
    return ResponseEntity.created(URI.create("groups/" + group.groupId())).body(group);
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "The groups of a site (counsellor of that site, clinical lead)")
  List<GroupView> atSite(@RequestParam String site) {
    return groups.atSite(site, Caller.current());
  }

  @GetMapping("/{groupId}")
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "A group with its next sessions (counsellor of its site, clinical lead)")
  @ApiResponse(responseCode = "404", description = "Unknown, or at a site that is not the caller's")
  GroupView find(@PathVariable UUID groupId) {
    return groups.find(groupId, Caller.current());
  }

  @PostMapping("/{groupId}/enrolments")
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Enrol a person through their plan (counsellor of the group's and plan's site)")
  @ApiResponse(responseCode = "404", description = "Unknown group or plan, or another site's")
  @ApiResponse(responseCode = "409", description = "The group is full")
  EnrolmentView enrol(@PathVariable UUID groupId, @Valid @RequestBody Enrol request) {
    return groups.enrol(groupId, request, Caller.current());
  }

  @GetMapping("/{groupId}/sessions")
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "Session dates generated from the schedule, with opened sessions (counsellor of its site, clinical lead)")
  @ApiResponse(responseCode = "400", description = "from/to missing or more than a year apart")
  List<ScheduledSession> schedule(@PathVariable UUID groupId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return groups.schedule(groupId, from, to, Caller.current());
  }

  @PostMapping("/{groupId}/sessions")
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Open the session of a scheduled date (counsellor of the group's site)")
  @ApiResponse(responseCode = "422", description = "The date is not on the group's schedule (business-rule)")
  SessionView openSession(@PathVariable UUID groupId, @Valid @RequestBody OpenSession request) {
    return groups.openSession(groupId, request.date(), Caller.current());
  }

  @GetMapping("/{groupId}/sessions/{sessionId}")
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "A session with its attendance (counsellor of the group's site, clinical lead)")
  SessionView session(@PathVariable UUID groupId, @PathVariable UUID sessionId) {
    return groups.session(groupId, sessionId, Caller.current());
  }

  @PostMapping("/{groupId}/sessions/{sessionId}/attendance")
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Record the whole group's attendance in one request (counsellor of the group's site); "
      + "publishes AttendanceRecorded per new or changed entry")
  @ApiResponse(responseCode = "400", description = "Someone listed is not enrolled (named in errors), or listed twice")
  @ApiResponse(responseCode = "422", description = "The session has not taken place yet")
  SessionView recordAttendance(@PathVariable UUID groupId, @PathVariable UUID sessionId,
      @Valid @RequestBody RecordAttendance request) {
    return groups.recordAttendance(groupId, sessionId, request, Caller.current());
  }

  @PostMapping("/{groupId}/sessions/{sessionId}/notes")
  @PreAuthorize("hasRole('counsellor')")
  @Operation(summary = "Write a group note (counsellor of the group's site); not an individual counselling note")
  ResponseEntity<GroupNote.View> writeNote(@PathVariable UUID groupId, @PathVariable UUID sessionId,
      @Valid @RequestBody WriteGroupNote request) {
    return ResponseEntity.status(201).body(groups.writeNote(groupId, sessionId, request.text(), Caller.current()));
  }

  @GetMapping("/{groupId}/sessions/{sessionId}/notes")
  @PreAuthorize("hasAnyRole('counsellor', 'clinical-lead')")
  @Operation(summary = "Group notes of a session, oldest first, by default those written in the last 365 days in "
      + "pages of 100 with X-Total-Count and Link rel=next (counsellor of the group's site, clinical lead)")
  @ApiResponse(responseCode = "400", description = "from, to, limit or cursor not valid, or a window over 731 days")
  @ApiResponse(responseCode = "404", description = "Unknown group or session, or another site's")
  ResponseEntity<List<GroupNote.View>> notes(@PathVariable UUID groupId, @PathVariable UUID sessionId,
      // As a plan's counselling notes: a year by default, which holds every note of a session written
      // in the year after it; an older one is read by naming from.
      @Windowed(defaultSpan = "P365D", maxSpan = "P731D") Window window) {
    return Pages.respond(groups.notes(groupId, sessionId, window, Caller.current()), window);
  }
}
