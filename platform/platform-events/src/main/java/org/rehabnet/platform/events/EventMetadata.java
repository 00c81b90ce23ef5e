package org.rehabnet.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.web.trace.TraceContext;

/**
 * What every event carries besides its facts. The id becomes {@code ce_id} and is fixed when the
 * event is created, so a resend from the outbox is recognisably the same event. The sequence is the
 * aggregate's version: consumers use it to ignore stale state after an out-of-order resend. The
 * traceparent travels inside the payload as well as in the header because the outbox may resend
 * long after the request that caused the event is gone.
 */
public record EventMetadata(UUID eventId, Instant occurredAt, long sequence, @Nullable String traceparent) {

  public EventMetadata {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /**
   * Metadata for an event an aggregate registers while it is saved: the sequence is the version the
   * aggregate will have after this save, plus one, so the event of a new aggregate (version null,
   * saved as 0) is 1 and the event of an update from version {@code v} is {@code v + 2}. Every
   * producer uses this, so sequences of one aggregate only ever rise.
   */
  public static EventMetadata forAggregate(Instant now, @Nullable Long versionBeforeSave) {
    return next(now, versionBeforeSave == null ? 1 : versionBeforeSave + 2);
  }

  /** Metadata for a new event, with the traceparent of the request being served, if any. */
  public static EventMetadata next(Instant now, long sequence) {
    return new EventMetadata(UUID.randomUUID(), now, sequence, TraceContext.currentTraceparent());
  }
}
