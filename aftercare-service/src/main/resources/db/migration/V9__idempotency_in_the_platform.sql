-- Idempotency-Key answers are kept by the platform for every POST (table idempotency_key); the
-- relapse report's own table is no longer written.
DROP TABLE IF EXISTS idempotent_request;
