-- Shared by every service that publishes or consumes events. Repeatable and idempotent, so it
-- never collides with a service's own versioned migrations.

-- Spring Modulith 2.0 JDBC event publication registry (the transactional outbox).
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL PRIMARY KEY,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx
  ON event_publication USING hash (serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx
  ON event_publication (completion_date);

-- Idempotent consumption: one row per consumer and event, written in the handler's transaction.
CREATE TABLE IF NOT EXISTS processed_event
(
  consumer     TEXT                     NOT NULL,
  event_id     UUID                     NOT NULL,
  processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (consumer, event_id)
);
