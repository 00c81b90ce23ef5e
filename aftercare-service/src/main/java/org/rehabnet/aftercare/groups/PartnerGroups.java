package org.rehabnet.aftercare.groups;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.rehabnet.aftercare.groups.AttendanceHistory.AttendedSession;
import org.rehabnet.aftercare.site.SitePolicies;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.problem.NotFound;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a partner organisation may do with the groups it runs: record a member's attendance at a
 * session, through the same session aggregate as staff, so AttendanceRecorded leaves the same way.
 * The consent check is the caller's (the partner API); the group and enrolment checks are here.
 */
@Component
public class PartnerGroups {

  /** How the partner says the person attended. */
  public enum Presence {
    PRESENT,
    ABSENT
  }

  private final SupportGroups groups;
  private final GroupSessions sessions;
  private final SitePolicies sites;
  private final AuditTrail audit;
  private final Clock clock;

  PartnerGroups(SupportGroups groups, GroupSessions sessions, SitePolicies sites, AuditTrail audit, Clock clock) {
    this.groups = groups;
    this.sessions = sessions;
    this.sites = sites;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether the partner organisation runs this group; another's group is answered as unknown. */
  public boolean runs(UUID groupId, String partnerOrg) {
    return groups.findById(groupId).filter(group -> partnerOrg.equals(group.partnerOrg())).isPresent();
  }

  /**
   * The session date of a time a partner gives with its offset: the calendar day at the group's site
   * (a 19:30 session in Chicago sent in UTC is still that evening's session).
   */
  @Transactional(readOnly = true)
  public LocalDate sessionDateAt(UUID groupId, String partnerOrg, Instant at) {
    SupportGroup group = groups.findById(groupId).filter(g -> partnerOrg.equals(g.partnerOrg()))
        .orElseThrow(() -> new NotFound("Support group", groupId));
    return sites.of(group.site()).dateOf(at);
  }

  @Transactional
  public AttendedSession recordAttendance(UUID groupId, String partnerOrg, LocalDate on, UUID patientId,
      Presence presence, String by) {
    SupportGroup group = groups.findById(groupId).filter(g -> partnerOrg.equals(g.partnerOrg()))
        .orElseThrow(() -> new NotFound("Support group", groupId));
    Instant now = clock.instant();
    if (on.isAfter(sites.of(group.site()).dateOf(now))) {
      throw new SessionNotYetHeld(on);
    }
    if (!group.isEnrolled(patientId)) {
      throw new InvalidField("subject", "is not enrolled in this group");
    }
    GroupSession session = sessions.findByGroupIdAndHeldOn(groupId, on)
        .orElseGet(() -> GroupSession.scheduled(group, on, now));
    session.record(Map.of(patientId, Attendance.Status.valueOf(presence.name())), by, now);
    GroupSession saved = sessions.save(session);
    audit.wrote(AuditAction.UPDATE, "GroupAttendance", saved.id(), patientId, group.site());
    return new AttendedSession(saved.id(), groupId, group.name(), group.type().name(), group.site(), on,
        group.schedule().startsAt(), group.schedule().durationMinutes());
  }
}
