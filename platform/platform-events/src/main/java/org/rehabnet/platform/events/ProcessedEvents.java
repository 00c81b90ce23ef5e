package org.rehabnet.platform.events;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The idempotent-consumer ledger. Marking happens in the handler's own transaction, so either the
 * handler's writes and the mark commit together or neither does; a redelivered event finds its mark
 * and is skipped.
 */
public class ProcessedEvents {

  private final JdbcClient jdbc;

  public ProcessedEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** True when this consumer sees the event for the first time. */
  public boolean markProcessed(String consumer, UUID eventId) {
    return jdbc.sql("""
            INSERT INTO processed_event (consumer, event_id, processed_at)
            VALUES (:consumer, :eventId, now())
            ON CONFLICT DO NOTHING
            """)
        .param("consumer", consumer)
        .param("eventId", eventId)
        .update() == 1;
  }

  public boolean isProcessed(String consumer, UUID eventId) {
    return jdbc.sql("SELECT count(*) FROM processed_event WHERE consumer = :consumer AND event_id = :eventId")
        .param("consumer", consumer)
        .param("eventId", eventId)
        .query(Long.class)
        .single() > 0;
  }
}
