-- Clinical safety (issue #12): the sites' clinical settings as intake announces them, orders with a
-- PRN range and the route given on the MAR, SpO2 scale 2 per episode, and PHQ-9 re-screening.

-- The newest SiteConfigured of every site (kept by sequence; an older one arriving late is ignored).
CREATE TABLE site_settings
(
  site          TEXT PRIMARY KEY,
  name          TEXT        NOT NULL,
  time_zone     TEXT        NOT NULL,
  otp_certified BOOLEAN     NOT NULL,
  settings      JSONB       NOT NULL,
  sequence      BIGINT      NOT NULL,
  changed_by    TEXT        NOT NULL,
  changed_at    TIMESTAMPTZ NOT NULL,
  received_at   TIMESTAMPTZ NOT NULL
);

-- An order is a fixed dose or a PRN range; a buprenorphine order may carry the physician's
-- documentation for a 12-16 mg first day where the site allows it.
ALTER TABLE medication_order
  ALTER COLUMN dose_mg DROP NOT NULL,
  ADD COLUMN dose_min_mg               NUMERIC(6, 2) CHECK (dose_min_mg > 0),
  ADD COLUMN dose_max_mg               NUMERIC(6, 2),
  ADD COLUMN documented_day_one_max_mg NUMERIC(6, 2),
  ADD COLUMN documentation             TEXT,
  ADD CONSTRAINT medication_order_dose_form CHECK (
    (dose_mg IS NOT NULL AND dose_min_mg IS NULL AND dose_max_mg IS NULL)
      OR (dose_mg IS NULL AND dose_min_mg IS NOT NULL AND dose_max_mg IS NOT NULL AND dose_min_mg <= dose_max_mg)),
  ADD CONSTRAINT medication_order_documentation CHECK (
    (documented_day_one_max_mg IS NULL) = (documentation IS NULL)),
  ADD CONSTRAINT medication_order_route CHECK (
    route IN ('SUBLINGUAL', 'ORAL', 'INTRAMUSCULAR', 'INTRAVENOUS', 'INTRANASAL', 'TRANSDERMAL'));

-- What the nurse gave (route), the warnings shown, and which version of the site's settings the
-- rules applied, so a dose can be reviewed against the limits in force when it was given.
ALTER TABLE medication_administration
  ADD COLUMN route                  TEXT,
  ADD COLUMN warnings               TEXT,
  ADD COLUMN site_settings_sequence BIGINT;

-- NEWS2 SpO2 scale: 1 unless a physician documents hypercapnic respiratory failure (scale 2).
ALTER TABLE vital_signs
  ADD COLUMN spo2_scale TEXT NOT NULL DEFAULT 'SCALE_1' CHECK (spo2_scale IN ('SCALE_1', 'SCALE_2'));

CREATE TABLE spo2_scale_assignment
(
  id         UUID PRIMARY KEY,
  episode_id UUID        NOT NULL REFERENCES detox_episode (id),
  scale      TEXT        NOT NULL CHECK (scale IN ('SCALE_1', 'SCALE_2')),
  reason     TEXT        NOT NULL,
  set_by     TEXT        NOT NULL,
  set_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX spo2_scale_assignment_by_episode ON spo2_scale_assignment (episode_id, set_at);

-- PHQ-9 (LOINC 44261-6) re-screening during the stay: nine items 0-3.
CREATE TABLE phq9_screening
(
  id          UUID PRIMARY KEY,
  episode_id  UUID        NOT NULL REFERENCES detox_episode (id),
  screened_at TIMESTAMPTZ NOT NULL,
  screened_by TEXT        NOT NULL,
  item1       INT         NOT NULL CHECK (item1 BETWEEN 0 AND 3),
  item2       INT         NOT NULL CHECK (item2 BETWEEN 0 AND 3),
  item3       INT         NOT NULL CHECK (item3 BETWEEN 0 AND 3),
  item4       INT         NOT NULL CHECK (item4 BETWEEN 0 AND 3),
  item5       INT         NOT NULL CHECK (item5 BETWEEN 0 AND 3),
  item6       INT         NOT NULL CHECK (item6 BETWEEN 0 AND 3),
  item7       INT         NOT NULL CHECK (item7 BETWEEN 0 AND 3),
  item8       INT         NOT NULL CHECK (item8 BETWEEN 0 AND 3),
  item9       INT         NOT NULL CHECK (item9 BETWEEN 0 AND 3),
  total       INT         NOT NULL CHECK (total BETWEEN 0 AND 27),
  band        TEXT        NOT NULL
);
CREATE INDEX phq9_screening_by_episode ON phq9_screening (episode_id, screened_at);
