-- The audit trail: append-only. The service's own login may insert and read, never change or
-- remove a row: a trigger refuses UPDATE, DELETE and TRUNCATE for everyone but a superuser.
CREATE TABLE IF NOT EXISTS audit_event
(
  id            UUID PRIMARY KEY,
  occurred_at   TIMESTAMPTZ NOT NULL,
  actor         TEXT        NOT NULL,
  actor_roles   TEXT        NOT NULL,
  actor_sites   TEXT        NOT NULL,
  client_id     TEXT,
  partner_org   TEXT,
  action        TEXT        NOT NULL,
  resource_type TEXT        NOT NULL,
  resource_id   TEXT,
  patient_id    UUID,
  site          TEXT,
  outcome       TEXT        NOT NULL,
  reason        TEXT,
  request_id    TEXT
);
-- The auditor's query reads keyset pages newest first on (occurred_at, id) (docs/api.md, "Paging"):
-- each index ends with the id so a page is a range scan that stops after limit + 1 rows. They replace
-- the (…, occurred_at) indexes they extend; this file is repeatable, so every step is idempotent.
CREATE INDEX IF NOT EXISTS audit_event_by_patient_keyset ON audit_event (patient_id, occurred_at, id);
CREATE INDEX IF NOT EXISTS audit_event_by_actor_keyset ON audit_event (actor, occurred_at, id);
CREATE INDEX IF NOT EXISTS audit_event_by_time_keyset ON audit_event (occurred_at, id);
DROP INDEX IF EXISTS audit_event_by_patient;
DROP INDEX IF EXISTS audit_event_by_actor;
DROP INDEX IF EXISTS audit_event_by_time;

CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER IF EXISTS audit_event_no_update_or_delete ON audit_event;
CREATE TRIGGER audit_event_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event;
CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM CURRENT_USER;
