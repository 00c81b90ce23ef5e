-- Issue 13 (staff portal): beds taken out of service with a reason, patient search, corrections of
-- a patient's identity with the old and the new value of every corrected field.

-- A bed out of service says since when, why and who took it out; a bed in any other state has none
-- of that. Beds already out of service before reasons were kept get a placeholder reason.
ALTER TABLE bed
  ADD COLUMN out_of_service_since  TIMESTAMPTZ,
  ADD COLUMN out_of_service_reason TEXT,
  ADD COLUMN out_of_service_by     TEXT;
UPDATE bed
SET out_of_service_since = now(), out_of_service_reason = 'out of service before reasons were recorded',
    out_of_service_by = 'system'
WHERE status = 'OUT_OF_SERVICE';
ALTER TABLE bed ADD CONSTRAINT bed_out_of_service_explained
  CHECK ((status = 'OUT_OF_SERVICE') = (out_of_service_since IS NOT NULL AND out_of_service_reason IS NOT NULL
                                        AND out_of_service_by IS NOT NULL));

-- Search: a birth-date query is exact (indexed); a name query matches the start of a word of the
-- normalised name (name_key), which scans the key: fine for a network's tens of thousands of patients.
CREATE INDEX patient_by_date_of_birth ON patient (date_of_birth);
CREATE INDEX patient_site_by_site ON patient_site (site, patient_id);

-- Every correction of a patient's identity: one row per corrected field with its old and new value,
-- who and when. Append-only like the audit trail: the history of an identity must not be rewritten.
CREATE TABLE patient_correction
(
  correction_id   UUID        NOT NULL,
  patient_id      UUID        NOT NULL REFERENCES patient (id),
  patient_version BIGINT      NOT NULL,
  field           TEXT        NOT NULL CHECK (field IN ('givenName', 'familyName', 'dateOfBirth',
                                                        'administrativeGender')),
  old_value       TEXT,
  new_value       TEXT,
  corrected_by    TEXT        NOT NULL,
  corrected_at    TIMESTAMPTZ NOT NULL,
  request_id      TEXT,
  PRIMARY KEY (correction_id, field)
);
CREATE INDEX patient_correction_by_patient ON patient_correction (patient_id, corrected_at);

CREATE FUNCTION patient_correction_is_append_only() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  RAISE EXCEPTION 'patient_correction is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER patient_correction_no_update_or_delete
  BEFORE UPDATE OR DELETE ON patient_correction
  FOR EACH ROW EXECUTE FUNCTION patient_correction_is_append_only();
CREATE TRIGGER patient_correction_no_truncate
  BEFORE TRUNCATE ON patient_correction
  FOR EACH STATEMENT EXECUTE FUNCTION patient_correction_is_append_only();
