-- The accounting of disclosures (42 CFR Part 2 §2.24): one row per patient per partner read that returned
-- their data: who (partner organisation, client), what (resource types, ids, data categories), under which
-- consent(s), for which purpose, when, and the request id. Append-only like audit_event: a trigger refuses
-- UPDATE, DELETE and TRUNCATE for the service's own login.
CREATE TABLE disclosure
(
  id              UUID PRIMARY KEY,
  disclosed_at    TIMESTAMPTZ NOT NULL,
  patient_id      UUID        NOT NULL,
  site            TEXT,
  partner_org     TEXT        NOT NULL,
  client_id       TEXT,
  resource_types  TEXT[]      NOT NULL CHECK (cardinality(resource_types) > 0),
  resource_ids    TEXT[]      NOT NULL CHECK (cardinality(resource_ids) > 0),
  data_categories TEXT[]      NOT NULL CHECK (cardinality(data_categories) > 0),
  consent_ids     UUID[]      NOT NULL CHECK (cardinality(consent_ids) > 0),
  purpose         TEXT        NOT NULL,
  request_id      TEXT
);
CREATE INDEX disclosure_by_patient ON disclosure (patient_id, disclosed_at);
CREATE INDEX disclosure_by_partner ON disclosure (partner_org, disclosed_at);

CREATE FUNCTION disclosure_is_append_only() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'disclosure is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER disclosure_no_update_or_delete
  BEFORE UPDATE OR DELETE ON disclosure
  FOR EACH ROW EXECUTE FUNCTION disclosure_is_append_only();
CREATE TRIGGER disclosure_no_truncate
  BEFORE TRUNCATE ON disclosure
  FOR EACH STATEMENT EXECUTE FUNCTION disclosure_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON disclosure FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON disclosure FROM CURRENT_USER;
