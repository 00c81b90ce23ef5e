package org.rehabnet.aftercare.groups;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.EventMetadata;
import org.rehabnet.platform.events.aftercare.AttendanceRecorded;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One meeting of a group, on a date its schedule generates. Attendance is recorded for the whole
 * group at once; each new or changed entry registers {@link AttendanceRecorded}.
 */
@Table("group_session")
class GroupSession extends AbstractAggregateRoot<GroupSession> {

  @Id
  private final UUID id;
  private final UUID groupId;
  private final String site;
  private final LocalDate heldOn;
  private final Instant createdAt;
  @MappedCollection(idColumn = "group_session")
  private final Set<Attendance> attendance;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  GroupSession(UUID id, UUID groupId, String site, LocalDate heldOn, Instant createdAt, Set<Attendance> attendance,
      @Nullable Long version) {
    this.id = id;
    this.groupId = groupId;
    this.site = site;
    this.heldOn = heldOn;
    this.createdAt = createdAt;
    this.attendance = new HashSet<>(attendance);
    this.version = version;
  }

  /** A session exists only on a date the group's schedule generates. */
  static GroupSession scheduled(SupportGroup group, LocalDate on, Instant now) {
    if (!group.schedule().occursOn(on)) {
      throw new SessionNotOnSchedule(group.id(), on);
    }
    return new GroupSession(UUID.randomUUID(), group.id(), group.site(), on, now, Set.of(), null);
  }

  /**
   * Records the whole group's attendance. The caller has checked every person is enrolled; an entry
   * that changes nothing registers no event.
   */
  void record(Map<UUID, Attendance.Status> statuses, String by, Instant now) {
    Map<UUID, Attendance> current = new HashMap<>();
    attendance.forEach(a -> current.put(a.patientId(), a));
    long sequence = (version == null ? 0 : version) + 1;
    statuses.forEach((patientId, status) -> {
      Attendance before = current.get(patientId);
      if (before != null && before.status() == status) {
        return;
      }
      if (before != null) {
        attendance.remove(before);
      }
      attendance.add(new Attendance(patientId, status, by, now));
      registerEvent(new AttendanceRecorded(EventMetadata.next(now, sequence), id, groupId, patientId, heldOn,
          status.name()));
    });
  }

  UUID id() {
    return id;
  }

  UUID groupId() {
    return groupId;
  }

  String site() {
    return site;
  }

  LocalDate heldOn() {
    return heldOn;
  }

  Set<Attendance> attendance() {
    return Set.copyOf(attendance);
  }

  @Override
  public String toString() {
    return "GroupSession[" + id + " of " + groupId + "]";
  }
}
