package org.rehabnet.aftercare.groups;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.ProblemType;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A support group (NA and other 12-step, SMART Recovery, CBT, family), run by a site or by a partner
 * organisation for a site, with a facilitator, a recurring schedule, a capacity and its enrolment.
 */
@Table("support_group")
class SupportGroup {

  @Id
  private final UUID id;
  private final String name;
  private final GroupType type;
  private final String site;
  private final @Nullable String partnerOrg;
  private final String facilitator;
  @Embedded.Empty
  private final GroupSchedule schedule;
  private final int capacity;
  @MappedCollection(idColumn = "support_group")
  private final Set<Enrolment> enrolments;
  private final Instant createdAt;
  @Version
  private @Nullable Long version;

  @PersistenceCreator
  SupportGroup(UUID id, String name, GroupType type, String site, @Nullable String partnerOrg, String facilitator,
      GroupSchedule schedule, int capacity, Set<Enrolment> enrolments, Instant createdAt, @Nullable Long version) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.site = site;
    this.partnerOrg = partnerOrg;
    this.facilitator = facilitator;
    this.schedule = schedule;
    this.capacity = capacity;
    this.enrolments = new HashSet<>(enrolments);
    this.createdAt = createdAt;
    this.version = version;
  }

  static SupportGroup start(String name, GroupType type, String site, @Nullable String partnerOrg,
      String facilitator, GroupSchedule schedule, int capacity, Instant now) {
    return new SupportGroup(UUID.randomUUID(), name, type, site, partnerOrg, facilitator, schedule, capacity,
        Set.of(), now, null);
  }

  /** Enrols a person; enrolling them again changes nothing; a full group refuses. */
  boolean enrol(UUID patientId, UUID planId, Instant now) {
    if (isEnrolled(patientId)) {
      return false;
    }
    if (enrolments.size() >= capacity) {
      throw new GroupFull(id, capacity);
    }
    enrolments.add(new Enrolment(patientId, planId, now));
    return true;
  }

  boolean isEnrolled(UUID patientId) {
    return enrolments.stream().anyMatch(e -> e.patientId().equals(patientId));
  }

  UUID id() {
    return id;
  }

  String name() {
    return name;
  }

  GroupType type() {
    return type;
  }

  String site() {
    return site;
  }

  @Nullable String partnerOrg() {
    return partnerOrg;
  }

  String facilitator() {
    return facilitator;
  }

  GroupSchedule schedule() {
    return schedule;
  }

  int capacity() {
    return capacity;
  }

  Set<Enrolment> enrolments() {
    return Set.copyOf(enrolments);
  }

  @Override
  public String toString() {
    return "SupportGroup[" + id + " at " + site + "]";
  }

  /** The group has as many members as it may take. */
  static class GroupFull extends DomainProblem {
    GroupFull(UUID groupId, int capacity) {
      super(ProblemType.CONFLICT, "Group " + groupId + " is full (capacity " + capacity + ")",
          Map.of("rule", "capacity", "capacity", capacity));
    }
  }
}
