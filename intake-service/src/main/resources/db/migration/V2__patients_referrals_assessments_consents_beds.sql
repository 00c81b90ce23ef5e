-- Issue 4: registration before referral, referral lifecycle, pre-admission assessment, consent, beds.

-- Patients: demographics beyond the skeleton's name and birth date, and the key duplicate detection
-- compares (normalised given + family name, see PatientName). Rows from the skeleton get a key
-- without accent folding; new rows get it from the application.
ALTER TABLE patient
  ADD COLUMN name_key              TEXT,
  ADD COLUMN administrative_gender TEXT CHECK (administrative_gender IN ('MALE', 'FEMALE', 'OTHER', 'UNKNOWN')),
  ADD COLUMN gender_identity       TEXT,
  ADD COLUMN phone                 TEXT,
  ADD COLUMN email                 TEXT,
  ADD COLUMN emergency_contact_name         TEXT,
  ADD COLUMN emergency_contact_relationship TEXT,
  ADD COLUMN emergency_contact_phone        TEXT,
  ADD COLUMN preferred_language    TEXT,
  ADD COLUMN registered_at_site    TEXT REFERENCES site (code);
UPDATE patient
SET name_key = lower(regexp_replace(trim(given_name), '\s+', ' ', 'g')) || '|' ||
               lower(regexp_replace(trim(family_name), '\s+', ' ', 'g'))
WHERE name_key IS NULL;
ALTER TABLE patient ALTER COLUMN name_key SET NOT NULL;
CREATE INDEX patient_by_name_key ON patient (name_key, date_of_birth);

-- The sites where a patient is known (registered there or referred there): staff of those sites
-- may read the patient's identity; clinical records stay with the site that made them.
CREATE TABLE patient_site
(
  patient_id UUID        NOT NULL REFERENCES patient (id),
  site       TEXT        NOT NULL REFERENCES site (code),
  since      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (patient_id, site)
);
INSERT INTO patient_site (patient_id, site, since)
SELECT DISTINCT ON (patient_id, site) patient_id, site, admitted_at FROM admission
ORDER BY patient_id, site, admitted_at;

-- Beds: one row per bed; an occupied bed names its admission. FREE beds have none.
CREATE TABLE bed
(
  id           UUID PRIMARY KEY,
  site         TEXT   NOT NULL REFERENCES site (code),
  ward         TEXT   NOT NULL,
  code         TEXT   NOT NULL,
  status       TEXT   NOT NULL CHECK (status IN ('FREE', 'OCCUPIED', 'OUT_OF_SERVICE')),
  admission_id UUID UNIQUE,
  version      BIGINT NOT NULL DEFAULT 0,
  UNIQUE (site, code),
  CHECK ((status = 'OCCUPIED') = (admission_id IS NOT NULL))
);
CREATE INDEX bed_free_by_site ON bed (site, ward, code) WHERE status = 'FREE';

-- Referrals and their lifecycle (ReferralStatus).
CREATE TABLE referral
(
  id                     UUID PRIMARY KEY,
  patient_id             UUID        NOT NULL REFERENCES patient (id),
  site                   TEXT        NOT NULL REFERENCES site (code),
  source                 TEXT        NOT NULL CHECK (source IN ('SELF', 'FAMILY', 'HOSPITAL', 'COURT', 'GP',
                                                                'PARTNER_ORGANISATION', 'READMISSION')),
  referrer_name          TEXT,
  referrer_organisation  TEXT,
  referrer_phone         TEXT,
  urgency                TEXT        NOT NULL CHECK (urgency IN ('EMERGENCY', 'URGENT', 'ROUTINE')),
  urgency_rank           INT         NOT NULL,
  status                 TEXT        NOT NULL CHECK (status IN ('NEW', 'SCREENING', 'ACCEPTED', 'DECLINED',
                                                                'ADMITTED', 'WITHDRAWN')),
  decline_reason         TEXT,
  previous_admission_id  UUID,
  readmission_request_id UUID UNIQUE,
  admission_id           UUID UNIQUE,
  received_at            TIMESTAMPTZ NOT NULL,
  updated_at             TIMESTAMPTZ NOT NULL,
  recorded_by            TEXT        NOT NULL,
  version                BIGINT      NOT NULL,
  CHECK (status <> 'DECLINED' OR decline_reason IS NOT NULL),
  CHECK (source <> 'READMISSION' OR readmission_request_id IS NOT NULL)
);
CREATE INDEX referral_waiting_by_site ON referral (site, urgency_rank, received_at)
  WHERE status IN ('NEW', 'SCREENING', 'ACCEPTED');

-- Admissions now come from a referral and hold a bed; one admission per referral, and a bed is
-- held by at most one current admission (the second line of defence behind bed.admission_id).
ALTER TABLE admission
  ADD COLUMN referral_id          UUID UNIQUE REFERENCES referral (id),
  ADD COLUMN expected_length_days INT,
  ADD COLUMN discharged_at        TIMESTAMPTZ;
ALTER TABLE admission ADD CONSTRAINT admission_status_check CHECK (status IN ('ADMITTED', 'DISCHARGED'));
CREATE UNIQUE INDEX admission_one_per_bed ON admission (site, bed) WHERE status = 'ADMITTED' AND bed IS NOT NULL;

-- Pre-admission assessment, one per referral (replaced while the referral is open).
CREATE TABLE assessment
(
  id                         UUID PRIMARY KEY,
  referral_id                UUID        NOT NULL UNIQUE REFERENCES referral (id),
  patient_id                 UUID        NOT NULL REFERENCES patient (id),
  site                       TEXT        NOT NULL REFERENCES site (code),
  height_cm                  NUMERIC(5, 1) NOT NULL CHECK (height_cm BETWEEN 100 AND 250),
  weight_kg                  NUMERIC(5, 1) NOT NULL CHECK (weight_kg BETWEEN 25 AND 350),
  bmi                        NUMERIC(4, 1) NOT NULL,
  oud_criteria               TEXT[]      NOT NULL,
  opioids_only_supervised    BOOLEAN     NOT NULL,
  oud_criteria_count         INT         NOT NULL CHECK (oud_criteria_count BETWEEN 0 AND 11),
  dependence_severity        TEXT        NOT NULL CHECK (dependence_severity IN ('NONE', 'MILD', 'MODERATE', 'SEVERE')),
  phq9_items                 INT[]       NOT NULL CHECK (cardinality(phq9_items) = 9),
  phq9_total                 INT         NOT NULL CHECK (phq9_total BETWEEN 0 AND 27),
  phq9_band                  TEXT        NOT NULL,
  gad7_items                 INT[]       NOT NULL CHECK (cardinality(gad7_items) = 7),
  gad7_total                 INT         NOT NULL CHECK (gad7_total BETWEEN 0 AND 21),
  gad7_band                  TEXT        NOT NULL,
  self_harm_risk             BOOLEAN     NOT NULL,
  mental_health_history      TEXT[]      NOT NULL,
  uds_flags                  TEXT[]      NOT NULL,
  previous_detox_episodes    INT         NOT NULL CHECK (previous_detox_episodes >= 0),
  previous_overdoses         INT         NOT NULL CHECK (previous_overdoses >= 0),
  pregnancy_status           TEXT        NOT NULL,
  computed_length_days       INT         NOT NULL CHECK (computed_length_days BETWEEN 1 AND 30),
  override_length_days       INT CHECK (override_length_days BETWEEN 1 AND 30),
  override_reason            TEXT,
  override_by                TEXT,
  assessed_by                TEXT        NOT NULL,
  assessed_at                TIMESTAMPTZ NOT NULL,
  version                    BIGINT      NOT NULL,
  CHECK ((override_length_days IS NULL) = (override_reason IS NULL))
);

CREATE TABLE assessment_substance
(
  assessment_id   UUID    NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  position        INT     NOT NULL,
  substance       TEXT    NOT NULL,
  amount          TEXT,
  route           TEXT    NOT NULL,
  frequency       TEXT    NOT NULL,
  years_of_use    NUMERIC(4, 1) NOT NULL CHECK (years_of_use BETWEEN 0 AND 80),
  last_use_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (assessment_id, position)
);

CREATE TABLE assessment_uds_result
(
  assessment_id  UUID NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  position       INT  NOT NULL,
  analyte        TEXT NOT NULL,
  result         TEXT NOT NULL CHECK (result IN ('POSITIVE', 'NEGATIVE', 'INVALID')),
  cutoff_ng_per_ml INT,
  PRIMARY KEY (assessment_id, position)
);

-- Consents to disclose (42 CFR Part 2 §2.31).
CREATE TABLE consent
(
  id              UUID PRIMARY KEY,
  patient_id      UUID        NOT NULL REFERENCES patient (id),
  site            TEXT        NOT NULL REFERENCES site (code),
  recipient_type  TEXT        NOT NULL CHECK (recipient_type IN ('PARTNER_ORGANISATION', 'TREATING_STAFF')),
  recipient       TEXT        NOT NULL,
  purpose         TEXT        NOT NULL,
  data_categories TEXT[]      NOT NULL CHECK (cardinality(data_categories) > 0),
  expires_at      TIMESTAMPTZ,
  expiry_event    TEXT,
  signed_on       DATE        NOT NULL,
  signed_by       TEXT        NOT NULL CHECK (signed_by IN ('PATIENT', 'AUTHORISED_REPRESENTATIVE')),
  granted_at      TIMESTAMPTZ NOT NULL,
  recorded_by     TEXT        NOT NULL,
  revoked_at      TIMESTAMPTZ,
  revoked_by      TEXT,
  version         BIGINT      NOT NULL,
  CHECK (expires_at IS NOT NULL OR expiry_event IS NOT NULL)
);
CREATE INDEX consent_by_patient ON consent (patient_id);
