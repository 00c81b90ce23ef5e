-- Answers to requests sent with an Idempotency-Key, kept 24 h so a retry gets the first answer
-- and its effect happens once. Written in the same transaction as the effect.
CREATE TABLE IF NOT EXISTS idempotency_key
(
  caller       TEXT        NOT NULL,
  key          TEXT        NOT NULL,
  fingerprint  TEXT        NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  status       INT,
  content_type TEXT,
  location     TEXT,
  body         BYTEA,
  PRIMARY KEY (caller, key)
);
CREATE INDEX IF NOT EXISTS idempotency_key_by_age ON idempotency_key (created_at);
