package org.rehabnet.aftercare.groups;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A note about a group session: about the group, kept apart from individual counselling notes. */
@Table("group_note")
class GroupNote {

  @Id
  private final UUID id;
  private final UUID sessionId;
  private final UUID groupId;
  private final String text;
  private final String writtenBy;
  private final Instant writtenAt;

  @Version
  private @Nullable Long version;

  @PersistenceCreator
  GroupNote(UUID id, UUID sessionId, UUID groupId, String text, String writtenBy, Instant writtenAt, @Nullable Long version) {
    this.id = id;
    this.sessionId = sessionId;
    this.groupId = groupId;
    this.text = text;
    this.writtenBy = writtenBy;
    this.writtenAt = writtenAt;
    this.version = version;
  }

  static GroupNote write(GroupSession session, String text, String by, Instant now) {
    return new GroupNote(UUID.randomUUID(), session.id(), session.groupId(), text, by, now, null);
  }

  record View(UUID noteId, UUID sessionId, String text, String writtenBy, Instant writtenAt) {}

  UUID id() {
    return id;
  }

  Instant writtenAt() {
    return writtenAt;
  }

  View view() {
    return new View(id, sessionId, text, writtenBy, writtenAt);
  }

  @Override
  public String toString() {
    return "GroupNote[" + id + "]";
  }
}
