-- The detox chart: what the episode keeps from the admission, discharge, vital signs with NEWS2,
-- COWS and symptom observations, medication orders and the MAR, alerts, reassessment timers, and
-- ShedLock's lock table for the once-across-instances overdue check.

ALTER TABLE detox_episode
  ADD COLUMN dependence_severity             TEXT,
  ADD COLUMN last_short_acting_opioid_use_at TIMESTAMPTZ,
  ADD COLUMN fentanyl_exposure               BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN benzodiazepine_risk             BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN self_harm_risk                  BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN discharged_at                   TIMESTAMPTZ,
  ADD COLUMN discharge_type                  TEXT,
  ADD COLUMN naloxone_provided               BOOLEAN,
  ADD COLUMN naloxone_not_provided_reason    TEXT,
  ADD COLUMN overdose_education              BOOLEAN,
  ADD COLUMN medication_plan                 TEXT,
  ADD COLUMN receiving_prescriber            TEXT,
  ADD COLUMN last_cows_total                 INT,
  ADD COLUMN discharged_by                   TEXT,
  ADD CONSTRAINT detox_episode_status CHECK (status IN ('OPEN', 'DISCHARGED')),
  ADD CONSTRAINT detox_episode_discharge_complete CHECK (
    status = 'OPEN' OR (discharged_at IS NOT NULL AND discharge_type IS NOT NULL AND naloxone_provided IS NOT NULL
      AND overdose_education IS NOT NULL AND medication_plan IS NOT NULL)),
  ADD CONSTRAINT detox_episode_naloxone_reason CHECK (
    naloxone_provided IS DISTINCT FROM FALSE OR naloxone_not_provided_reason IS NOT NULL);

CREATE TABLE clinical_alert
(
  id              UUID PRIMARY KEY,
  episode_id      UUID        NOT NULL REFERENCES detox_episode (id),
  patient_id      UUID        NOT NULL,
  site            TEXT        NOT NULL,
  kind            TEXT        NOT NULL CHECK (kind IN ('RESPIRATORY_DEPRESSION', 'ASPIRATION_RISK', 'SEVERE_WITHDRAWAL',
                                                       'NEWS2_DETERIORATION', 'SELF_HARM_RISK', 'OVERDUE_ASSESSMENT',
                                                       'DOSE_OVERRIDE')),
  severity        TEXT        NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'EMERGENCY')),
  reason          TEXT        NOT NULL,
  raised_at       TIMESTAMPTZ NOT NULL,
  acknowledged_by TEXT,
  acknowledged_at TIMESTAMPTZ,
  version         BIGINT      NOT NULL,
  CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL))
);
CREATE INDEX clinical_alert_by_episode ON clinical_alert (episode_id, raised_at);
CREATE INDEX clinical_alert_open_by_site ON clinical_alert (site) WHERE acknowledged_at IS NULL;

CREATE TABLE vital_signs
(
  id                  UUID PRIMARY KEY,
  episode_id          UUID          NOT NULL REFERENCES detox_episode (id),
  taken_at            TIMESTAMPTZ   NOT NULL,
  recorded_by         TEXT          NOT NULL,
  respiration_rate    INT           NOT NULL CHECK (respiration_rate BETWEEN 0 AND 80),
  spo2                INT           NOT NULL CHECK (spo2 BETWEEN 50 AND 100),
  on_oxygen           BOOLEAN       NOT NULL,
  systolic            INT           NOT NULL CHECK (systolic BETWEEN 40 AND 300),
  diastolic           INT           NOT NULL CHECK (diastolic BETWEEN 20 AND 200),
  pulse               INT           NOT NULL CHECK (pulse BETWEEN 20 AND 250),
  consciousness       TEXT          NOT NULL,
  temperature         NUMERIC(3, 1) NOT NULL CHECK (temperature BETWEEN 25 AND 45),
  news2_total         INT           NOT NULL CHECK (news2_total BETWEEN 0 AND 20),
  news2_single_three  BOOLEAN       NOT NULL,
  news2_response      TEXT          NOT NULL,
  CHECK (diastolic < systolic)
);
CREATE INDEX vital_signs_by_episode ON vital_signs (episode_id, taken_at);

-- One row per coded observation of a set, so events and the partner API can speak LOINC.
CREATE TABLE vital_observation
(
  vital_signs_id UUID    NOT NULL REFERENCES vital_signs (id) ON DELETE CASCADE,
  loinc          TEXT    NOT NULL,
  value          NUMERIC NOT NULL,
  unit           TEXT    NOT NULL,
  PRIMARY KEY (vital_signs_id, loinc)
);

CREATE TABLE cows_assessment
(
  id               UUID PRIMARY KEY,
  episode_id       UUID        NOT NULL REFERENCES detox_episode (id),
  assessed_at      TIMESTAMPTZ NOT NULL,
  assessed_by      TEXT        NOT NULL,
  resting_pulse    INT         NOT NULL CHECK (resting_pulse IN (0, 1, 2, 4)),
  sweating         INT         NOT NULL CHECK (sweating IN (0, 1, 2, 3, 4)),
  restlessness     INT         NOT NULL CHECK (restlessness IN (0, 1, 3, 5)),
  pupil_size       INT         NOT NULL CHECK (pupil_size IN (0, 1, 2, 5)),
  bone_joint_aches INT         NOT NULL CHECK (bone_joint_aches IN (0, 1, 2, 4)),
  runny_nose       INT         NOT NULL CHECK (runny_nose IN (0, 1, 2, 4)),
  gi_upset         INT         NOT NULL CHECK (gi_upset IN (0, 1, 2, 3, 5)),
  tremor           INT         NOT NULL CHECK (tremor IN (0, 1, 2, 4)),
  yawning          INT         NOT NULL CHECK (yawning IN (0, 1, 2, 4)),
  anxiety          INT         NOT NULL CHECK (anxiety IN (0, 1, 2, 4)),
  gooseflesh       INT         NOT NULL CHECK (gooseflesh IN (0, 3, 5)),
  total            INT         NOT NULL CHECK (total BETWEEN 0 AND 48),
  band             TEXT        NOT NULL,
  version          BIGINT      NOT NULL
);
CREATE INDEX cows_assessment_by_episode ON cows_assessment (episode_id, assessed_at);

CREATE TABLE symptom_observation
(
  id                   UUID PRIMARY KEY,
  episode_id           UUID        NOT NULL REFERENCES detox_episode (id),
  observed_at          TIMESTAMPTZ NOT NULL,
  observed_by          TEXT        NOT NULL,
  poss                 TEXT CHECK (poss IN ('S', '1', '2', '3', '4')),
  vomiting             BOOLEAN     NOT NULL,
  insomnia             BOOLEAN     NOT NULL,
  anxiety              BOOLEAN     NOT NULL,
  breathing_difficulty BOOLEAN     NOT NULL
);
CREATE INDEX symptom_observation_by_episode ON symptom_observation (episode_id, observed_at);

CREATE TABLE medication_order
(
  id          UUID PRIMARY KEY,
  episode_id  UUID          NOT NULL REFERENCES detox_episode (id),
  drug        TEXT          NOT NULL,
  dose_mg     NUMERIC(6, 2) NOT NULL CHECK (dose_mg > 0),
  route       TEXT          NOT NULL,
  status      TEXT          NOT NULL CHECK (status IN ('ACTIVE', 'STOPPED')),
  ordered_by  TEXT          NOT NULL,
  ordered_at  TIMESTAMPTZ   NOT NULL,
  stopped_by  TEXT,
  stopped_at  TIMESTAMPTZ,
  version     BIGINT        NOT NULL
);
CREATE INDEX medication_order_by_episode ON medication_order (episode_id);

CREATE TABLE medication_administration
(
  id              UUID PRIMARY KEY,
  episode_id      UUID          NOT NULL REFERENCES detox_episode (id),
  order_id        UUID          NOT NULL REFERENCES medication_order (id),
  drug            TEXT          NOT NULL,
  dose_mg         NUMERIC(6, 2) NOT NULL CHECK (dose_mg > 0),
  given_at        TIMESTAMPTZ   NOT NULL,
  given_by        TEXT          NOT NULL,
  overridden_rule TEXT,
  override_reason TEXT,
  overridden_by   TEXT,
  CHECK ((overridden_rule IS NULL) = (override_reason IS NULL))
);
CREATE INDEX medication_administration_by_episode ON medication_administration (episode_id, drug, given_at);

CREATE TABLE reassessment_timer
(
  episode_id             UUID PRIMARY KEY REFERENCES detox_episode (id),
  patient_id             UUID        NOT NULL,
  site                   TEXT        NOT NULL,
  active                 BOOLEAN     NOT NULL,
  cows_due_at            TIMESTAMPTZ NOT NULL,
  vitals_due_at          TIMESTAMPTZ NOT NULL,
  cows_overdue_alerted   BOOLEAN     NOT NULL,
  vitals_overdue_alerted BOOLEAN     NOT NULL,
  induction_until        TIMESTAMPTZ,
  last_cows_total        INT,
  version                BIGINT      NOT NULL
);
CREATE INDEX reassessment_timer_due ON reassessment_timer (cows_due_at, vitals_due_at) WHERE active;

-- ShedLock (JDBC provider): one row per scheduled task, held by the instance that runs it.
CREATE TABLE shedlock
(
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP    NOT NULL,
  locked_at  TIMESTAMP    NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
);
