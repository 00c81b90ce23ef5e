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
CREATE INDEX IF NOT EXISTS audit_event_by_patient ON audit_event (patient_id, occurred_at);
CREATE INDEX IF NOT EXISTS audit_event_by_actor ON audit_event (actor, occurred_at);
CREATE INDEX IF NOT EXISTS audit_event_by_time ON audit_event (occurred_at);

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
