package org.rehabnet.aftercare.groups;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Response bodies of the groups API. */
final class GroupViews {

  record GroupView(UUID groupId, String name, GroupType type, String site, @Nullable String partnerOrg,
      String facilitator, GroupSchedule schedule, int capacity, int enrolled, List<LocalDate> nextSessions,
      List<EnrolmentView> members) {

    static GroupView of(SupportGroup group, LocalDate today) {
      return new GroupView(group.id(), group.name(), group.type(), group.site(), group.partnerOrg(),
          group.facilitator(), group.schedule(), group.capacity(), group.enrolments().size(),
          group.schedule().datesBetween(today, today.plusWeeks(8L * group.schedule().everyWeeks())).stream()
              .limit(4).toList(),
          // Who is enrolled, so one screen can take the whole group's attendance (ids only; names come from intake).
          group.enrolments().stream().map(e -> new EnrolmentView(group.id(), e.patientId(), e.planId()))
              .sorted(Comparator.comparing(EnrolmentView::patientId)).toList());
    }
  }

  record EnrolmentView(UUID groupId, UUID patientId, UUID planId) {}

  /** A date the schedule generates, with the session once it has been opened. */
  record ScheduledSession(LocalDate date, LocalTime startsAt, @Nullable UUID sessionId) {}

  record SessionView(UUID sessionId, UUID groupId, LocalDate date, List<AttendanceView> attendance) {

    static SessionView of(GroupSession session) {
      return new SessionView(session.id(), session.groupId(), session.heldOn(), session.attendance().stream()
          .map(a -> new AttendanceView(a.patientId(), a.status()))
          .sorted(Comparator.comparing(AttendanceView::patientId))
          .toList());
    }
  }

  record AttendanceView(UUID patientId, Attendance.Status status) {}

  private GroupViews() {}
}
