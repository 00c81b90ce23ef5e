-- A registration (or identity correction) that matches a patient only at sites the caller cannot
-- read succeeds as if nothing matched (no existence oracle, 42 CFR Part 2) and leaves this review
-- item for the records team, who link or merge the two records.
CREATE TABLE possible_duplicate
(
  id                  UUID PRIMARY KEY,
  patient_id          UUID        NOT NULL REFERENCES patient (id),
  matched_patient_id  UUID        NOT NULL REFERENCES patient (id),
  found_at_site       TEXT        NOT NULL REFERENCES site (code),
  found_by            TEXT        NOT NULL CHECK (found_by IN ('REGISTRATION', 'CORRECTION')),
  found_at            TIMESTAMPTZ NOT NULL,
  resolved_at         TIMESTAMPTZ,
  resolution          TEXT CHECK (resolution IN ('LINKED')),
  CHECK (patient_id <> matched_patient_id),
  UNIQUE (patient_id, matched_patient_id)
);
CREATE INDEX possible_duplicate_open ON possible_duplicate (found_at) WHERE resolved_at IS NULL;

-- Every explicit link of a patient into a further site, by whom and why (patient_site holds the
-- current sites; this is the history the audit row points to).
CREATE TABLE patient_site_link
(
  id                    UUID PRIMARY KEY,
  patient_id            UUID        NOT NULL REFERENCES patient (id),
  site                  TEXT        NOT NULL REFERENCES site (code),
  reason                TEXT        NOT NULL,
  possible_duplicate_id UUID REFERENCES possible_duplicate (id),
  linked_by             TEXT        NOT NULL,
  linked_at             TIMESTAMPTZ NOT NULL,
  request_id            TEXT
);
