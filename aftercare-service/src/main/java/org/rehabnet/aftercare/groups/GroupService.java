package org.rehabnet.aftercare.groups;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rehabnet.aftercare.groups.GroupRequests.Enrol;
import org.rehabnet.aftercare.groups.GroupRequests.Entry;
import org.rehabnet.aftercare.groups.GroupRequests.RecordAttendance;
import org.rehabnet.aftercare.groups.GroupRequests.StartGroup;
import org.rehabnet.aftercare.groups.GroupViews.EnrolmentView;
import org.rehabnet.aftercare.groups.GroupViews.GroupView;
import org.rehabnet.aftercare.groups.GroupViews.ScheduledSession;
import org.rehabnet.aftercare.groups.GroupViews.SessionView;
import org.rehabnet.aftercare.plan.PlanLookup;
import org.rehabnet.aftercare.plan.PlanRef;
import org.rehabnet.aftercare.site.SitePolicies;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.platform.web.paging.Window;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Groups, enrolment, sessions from the schedule, attendance for the whole group, group notes. */
@Service
class GroupService {

  private final SupportGroups groups;
  private final GroupSessions sessions;
  private final GroupNotes notes;
  private final PlanLookup plans;
  private final SitePolicies sites;
  private final Clock clock;
  private final AuditTrail audit;

  GroupService(SupportGroups groups, GroupSessions sessions, GroupNotes notes, PlanLookup plans, SitePolicies sites,
      Clock clock, AuditTrail audit) {
    this.groups = groups;
    this.sessions = sessions;
    this.notes = notes;
    this.plans = plans;
    this.sites = sites;
    this.clock = clock;
    this.audit = audit;
  }

  @Transactional
  GroupView start(StartGroup request, Caller caller) {
    SiteScope.workingSite(request.site(), caller);
    SupportGroup group = groups.save(SupportGroup.start(request.name(), request.type(), request.site(),
        request.partnerOrg(), request.facilitator(), request.schedule().toSchedule(), request.capacity(),
        clock.instant()));
    return GroupView.of(group, today(group.site()));
  }

  @Transactional(readOnly = true)
  GroupView find(UUID groupId, Caller caller) {
    SupportGroup group = readable(groupId, caller);
    return GroupView.of(group, today(group.site()));
  }

  @Transactional(readOnly = true)
  List<GroupView> atSite(String site, Caller caller) {
    // Another site's groups are the 404 of an unknown site, as its alerts and caseload (was 200 []).
    SiteScope.readableSite(site, caller);
    return groups.findBySite(site).stream().map(group -> GroupView.of(group, today(site))).toList();
  }

  @Transactional
  EnrolmentView enrol(UUID groupId, Enrol request, Caller caller) {
    SupportGroup group = writable(groupId, caller);
    PlanRef plan = plans.writable(request.planId(), caller);
    if (group.enrol(plan.patientId(), plan.planId(), clock.instant())) {
      groups.save(group);
      audit.wrote(AuditAction.CREATE, "GroupEnrolment", groupId, plan.patientId(), group.site());
    }
    return new EnrolmentView(groupId, plan.patientId(), plan.planId());
  }

  /** The dates the schedule generates in the window, with the sessions already opened. */
  @Transactional(readOnly = true)
  List<ScheduledSession> schedule(UUID groupId, LocalDate from, LocalDate to, Caller caller) {
    if (to.isBefore(from) || from.plusYears(1).isBefore(to)) {
      throw new InvalidField("to", "must be on or after from and at most a year later");
    }
    SupportGroup group = readable(groupId, caller);
    Map<LocalDate, UUID> opened = sessions.findByGroupIdAndHeldOnBetween(groupId, from, to).stream()
        .collect(Collectors.toMap(GroupSession::heldOn, GroupSession::id));
    return group.schedule().datesBetween(from, to).stream()
        .map(date -> new ScheduledSession(date, group.schedule().startsAt(), opened.get(date)))
        .toList();
  }

  /** Opens the session of a scheduled date (again: the same session). */
  @Transactional
  SessionView openSession(UUID groupId, LocalDate date, Caller caller) {
    SupportGroup group = writable(groupId, caller);
    return SessionView.of(sessions.findByGroupIdAndHeldOn(groupId, date)
        .orElseGet(() -> sessions.save(GroupSession.scheduled(group, date, clock.instant()))));
  }

  @Transactional(readOnly = true)
  SessionView session(UUID groupId, UUID sessionId, Caller caller) {
    readable(groupId, caller);
    GroupSession session = sessionOf(groupId, sessionId);
    session.attendance().forEach(a -> audit.read("GroupAttendance", sessionId, a.patientId(), session.site()));
    return SessionView.of(session);
  }

  /**
   * The whole group's attendance in one request: every person must be enrolled and named once, or
   * nothing is recorded for anyone and no event leaves.
   */
  @Transactional
  SessionView recordAttendance(UUID groupId, UUID sessionId, RecordAttendance request, Caller caller) {
    SupportGroup group = writable(groupId, caller);
    GroupSession session = sessionOf(groupId, sessionId);
    if (session.heldOn().isAfter(today(group.site()))) {
      throw new SessionNotYetHeld(session.heldOn());
    }
    List<Entry> entries = request.attendance();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!seen.add(entries.get(i).patientId())) {
        throw new InvalidField("attendance[" + i + "].patientId", "names a person already listed");
      }
    }
    List<Integer> notEnrolledAt = new ArrayList<>();
    List<UUID> notEnrolled = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!group.isEnrolled(entries.get(i).patientId())) {
        notEnrolledAt.add(i);
        notEnrolled.add(entries.get(i).patientId());
      }
    }
    if (!notEnrolled.isEmpty()) {
      throw new PersonNotEnrolled(notEnrolledAt, notEnrolled);
    }
    Map<UUID, Attendance.Status> statuses = new LinkedHashMap<>();
    entries.forEach(entry -> statuses.put(entry.patientId(), entry.status()));
    session.record(statuses, caller.username(), clock.instant());
    GroupSession saved = sessions.save(session);
    statuses.keySet().forEach(patientId ->
        audit.wrote(AuditAction.UPDATE, "GroupAttendance", sessionId, patientId, group.site()));
    return SessionView.of(saved);
  }

  @Transactional
  GroupNote.View writeNote(UUID groupId, UUID sessionId, String text, Caller caller) {
    SupportGroup group = writable(groupId, caller);
    GroupNote note = notes.save(GroupNote.write(sessionOf(groupId, sessionId), text, caller.username(),
        clock.instant()));
    audit.wrote(AuditAction.CREATE, "GroupNote", sessionId, null, group.site());
    return note.view();
  }

  @Transactional(readOnly = true)
  Page<GroupNote.View> notes(UUID groupId, UUID sessionId, Window window, Caller caller) {
    SupportGroup group = readable(groupId, caller);
    sessionOf(groupId, sessionId);
    audit.read("GroupNote", sessionId, null, group.site());
    return Page.read(window, rows -> notes.firstPage(sessionId, window.from(), window.to(), rows),
        (after, rows) -> notes.pageAfter(sessionId, window.from(), window.to(), after.at(), after.id(), rows),
        () -> notes.countInWindow(sessionId, window.from(), window.to()),
        note -> new Position(note.writtenAt(), note.id())).map(GroupNote::view);
  }

  private GroupSession sessionOf(UUID groupId, UUID sessionId) {
    return sessions.findById(sessionId).filter(s -> s.groupId().equals(groupId))
        .orElseThrow(() -> new NotFound("Group session", sessionId));
  }

  private SupportGroup readable(UUID groupId, Caller caller) {
    return SiteScope.readable(groups.findById(groupId), SupportGroup::site, caller, "Support group", groupId);
  }

  private SupportGroup writable(UUID groupId, Caller caller) {
    return SiteScope.writable(groups.findById(groupId), SupportGroup::site, caller, "Support group", groupId);
  }

  /** Session dates are calendar days at the group's site. */
  private LocalDate today(String site) {
    return sites.of(site).today(clock);
  }
}
